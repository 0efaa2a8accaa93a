using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Notifications;

public sealed class NotificationTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>The demo staff and people who must hear nothing of the proposal's steps: another Jordanian role, an observer nation's and an outsider's approvers.</summary>
    private async Task AddStaffAsync()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new AddUser("jor.approver2", "JOR", ["national-approver"], "Col Laila Nasser"));
        await Fixture.Send(new AddUser("mys.approver", "MYS", ["national-approver"]));
        await Fixture.Send(new AddUser("fra.approver", "FRA", ["national-approver", "coordinator"]));
    }

    private Task<List<Notification>> NotificationsAsync(NotificationKind kind) =>
        Fixture.WithDb(db => db.Notifications.Where(n => n.Kind == kind).OrderBy(n => n.Recipient).ToListAsync());

    [Fact]
    public async Task A_step_that_opens_is_told_to_its_nations_holders_of_its_role_and_nobody_else()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());

        var opened = await NotificationsAsync(NotificationKind.StepOpened);
        Assert.Equal(["idn.approver", "jor.approver", "jor.approver2", "pak.approver", "tur.approver", "tur.deputy"], opened.Select(n => n.Recipient));
        var jordan = opened.First(n => n.Recipient == "jor.approver");
        Assert.Equal((Approvals.Code, "Northern Bridge 2027"), (jordan.ProposalCode, jordan.ProposalName));
        Assert.Equal("National review for Jordan (JOR) is open and waits for a national approver", jordan.Headline);
        Assert.Equal("Approve, request changes or reject it, with a comment", jordan.Expected);
        Assert.Equal(PlannerFixture.Today.AddDays(14), jordan.DueAt);
        Assert.Matches($"^/proposals/{Approvals.Code}#step-[0-9]+$", jordan.Link);
        Assert.Equal(jordan.StepId, int.Parse(jordan.Link.Split("#step-")[1]));
    }

    [Fact]
    public async Task A_delegated_step_is_told_to_the_delegate_and_its_reminder_only_to_them()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var jordan = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "JOR");

        await Fixture.Send(new DelegateStep(jordan.Id, "jor.approver2", "jor.approver"));
        Fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Fixture.Send(new RunTimers());

        var delegated = Assert.Single(await NotificationsAsync(NotificationKind.Delegated));
        Assert.Equal("jor.approver2", delegated.Recipient);
        Assert.Equal("Brig Gen Khaled Al-Masri, Director of Training handed you National review for Jordan (JOR)", delegated.Headline);
        var reminders = await NotificationsAsync(NotificationKind.Reminder);
        Assert.Equal(["idn.approver", "jor.approver2", "pak.approver", "tur.approver", "tur.deputy"], reminders.Select(n => n.Recipient));
    }

    [Fact]
    public async Task Requests_for_changes_collected_in_one_stage_reach_the_coordinator_together()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var steps = await Fixture.OpenStepsAsync();
        await Fixture.Send(new DecideStep(steps.Single(s => s.Nation == "PAK").Id, Decision.RequestChanges, "Cost shares need a second look", "pak.approver"));
        Assert.Empty(await NotificationsAsync(NotificationKind.ChangesRequested)); // the stage is still being decided
        await Fixture.Send(new DecideStep(steps.Single(s => s.Nation == "IDN").Id, Decision.RequestChanges, "Add a medical objective", "idn.approver"));
        foreach (var other in steps.Where(s => s.Nation is "JOR" or "TUR")) await Fixture.DecideAsync(other);

        var coordinator = (await NotificationsAsync(NotificationKind.ChangesRequested)).Single(n => n.Recipient == DemoData.Coordinator);
        Assert.Equal("Brig Imran Qureshi, Director Joint Exercises (Pakistan (PAK)) requested changes at National review: “Cost shares need a second look”; " +
                     "Brig Gen Arief Wibowo, Assistant for Operations (Indonesia (IDN)) requested changes at National review: “Add a medical objective”", coordinator.Headline);
    }

    [Fact]
    public async Task A_request_for_changes_asks_the_coordinator_to_revise_and_tells_those_who_decided()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var steps = await Fixture.OpenStepsAsync();
        await Fixture.DecideAsync(steps.Single(s => s.Nation == "TUR"));
        // The default workflow collects requests: the proposal returns once the stage's last step is decided.
        foreach (var other in steps.Where(s => s.Nation is "JOR" or "IDN")) await Fixture.DecideAsync(other);
        await Fixture.Send(new DecideStep(steps.Single(s => s.Nation == "PAK").Id, Decision.RequestChanges, "Cost shares need a second look", "pak.approver"));

        var told = await NotificationsAsync(NotificationKind.ChangesRequested);
        Assert.Equal(["idn.approver", "jor.approver", "tur.approver", DemoData.Coordinator], told.Select(n => n.Recipient));
        var coordinator = told[3];
        Assert.Equal("Revise the proposal and submit it again", coordinator.Expected);
        Assert.Equal("Brig Imran Qureshi, Director Joint Exercises (Pakistan (PAK)) requested changes at National review: “Cost shares need a second look”", coordinator.Headline);
        Assert.Equal("Nothing for now; you will be told when it is submitted again", told[0].Expected);
    }

    [Fact]
    public async Task Approval_reaches_participants_and_documents_only_nations_they_are_releasable_to()
    {
        await AddStaffAsync();
        // Pakistan takes part but the documents are not releasable to it.
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { ReleasableTo = ["JOR", "TUR", "IDN"] }));
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted) await Fixture.ApproveStageAsync();

        var approved = (await NotificationsAsync(NotificationKind.Approved)).Select(n => n.Recipient).ToList();
        Assert.Contains("pak.approver", approved);
        Assert.Contains("mys.approver", approved); // an observer nation's approver, by the notify-participants action
        Assert.Contains(DemoData.Coordinator, approved);
        Assert.DoesNotContain("fra.approver", approved);
        Assert.Equal(approved.Count, approved.Distinct().Count());

        var documents = (await NotificationsAsync(NotificationKind.DocumentsReady)).Select(n => n.Recipient).ToList();
        Assert.Contains(DemoData.Coordinator, documents);
        Assert.Contains("jor.approver", documents);
        Assert.DoesNotContain("pak.approver", documents);
        Assert.DoesNotContain("fra.approver", await Fixture.WithDb(db => db.Notifications.Select(n => n.Recipient).ToListAsync()));
    }

    [Fact]
    public async Task Withdrawal_tells_those_whose_decision_was_awaited()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Fixture.Send(new WithdrawProposal(Approvals.Code, DemoData.Coordinator));

        var withdrawn = (await NotificationsAsync(NotificationKind.Withdrawn)).Select(n => n.Recipient);
        Assert.Equal(["idn.approver", "jor.approver", "jor.approver2", "pak.approver", "tur.approver", "tur.deputy"], withdrawn);
    }

    [Fact]
    public async Task The_inbox_lists_newest_first_and_reading_lowers_the_unread_count()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        Fixture.Clock.Advance(TimeSpan.FromDays(7));
        await Fixture.Send(new RunTimers());

        var inbox = await Fixture.Send(new ListNotifications("jor.approver"));
        Assert.Equal(2, inbox.Unread);
        Assert.Equal([NotificationKind.Reminder, NotificationKind.StepOpened], inbox.Notifications.Select(n => n.Kind));

        Assert.Equal(1, await Fixture.Send(new MarkNotificationsRead("jor.approver", inbox.Notifications[0].Id)));
        Assert.Equal([NotificationKind.StepOpened], (await Fixture.Send(new ListNotifications("jor.approver", UnreadOnly: true))).Notifications.Select(n => n.Kind));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new MarkNotificationsRead("pak.approver", inbox.Notifications[1].Id)));
        Assert.Equal(0, await Fixture.Send(new MarkNotificationsRead("jor.approver")));
        // Once the step is decided, its notifications no longer expect anything of anyone.
        Assert.All(inbox.Notifications, n => Assert.True(n.StillExpected));
        await Fixture.DecideAsync((await Fixture.OpenStepsAsync()).Single(s => s.Nation == "JOR"));
        Assert.All((await Fixture.Send(new ListNotifications("jor.approver2"))).Notifications, n => Assert.False(n.StillExpected));
        Assert.Equal(0, await Fixture.Send(new CountUnreadNotifications("jor.approver")));
        Assert.Equal(2, await Fixture.Send(new CountUnreadNotifications("pak.approver")));
        (await Fixture.Send(new Core.Features.Audit.VerifyAudit())).AssertIntact();
    }

    private Task<List<string>> MailedAsync(string kindWords) =>
        Fixture.WithDb(db => db.OutboxMessages.Where(m => m.Subject.Contains($"] {kindWords}: ")).OrderBy(m => m.Recipient).Select(m => m.Recipient).ToListAsync());

    [Fact]
    public async Task A_comment_reaches_those_taking_part_and_holders_of_open_steps_where_releasable_never_its_author()
    {
        await AddStaffAsync();
        await Fixture.Send(new SetUserMail("tur.approver", "tur.approver@example.org", MailPreference.DailyDigest, "admin"));
        // Pakistan takes part and has an open step, but the content is not releasable to it.
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { ReleasableTo = ["JOR", "TUR", "IDN"] }));
        await Fixture.DecideAsync((await Fixture.OpenStepsAsync()).Single(s => s.Nation == "JOR"));

        await Fixture.Send(new Core.Features.Discussion.CommentOnProposal(Approvals.Code, "Who pays for the CIS node?", "idn.approver"));

        var told = await NotificationsAsync(NotificationKind.Comment);
        // The coordinator and Jordan's approver (who decided), Türkiye's two approvers (open step); not Indonesia's (the author),
        // Pakistan's (not releasable), Jordan's second approver (Jordan's step is decided), Malaysia's or France's.
        Assert.Equal(["jor.approver", "tur.approver", DemoData.Coordinator, "tur.deputy"], told.Select(n => n.Recipient).Order(StringComparer.Ordinal));
        Assert.Equal("Brig Gen Arief Wibowo, Assistant for Operations (IDN) commented on revision 1: “Who pays for the CIS node?”", told[0].Headline);
        Assert.Equal($"/proposals/{Approvals.Code}", told[0].Link);
        // Mail for those who want each event; Türkiye's approver reads it in the daily digest.
        Assert.Equal(["jor.approver", DemoData.Coordinator, "tur.deputy"], (await MailedAsync("New comment")).Order(StringComparer.Ordinal));
        Assert.True(told.Single(n => n.Recipient == "tur.approver").DigestPending);
    }

    [Fact]
    public async Task A_reassigned_step_is_told_to_the_reassignee_alone()
    {
        await AddStaffAsync();
        await Fixture.Send(new AddUser("idn.liaison", "IDN", ["logistics-officer"], "Liaison Officer") { DisplayName = "Col Budi Santoso", Email = "idn.liaison@example.org" });
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var indonesia = (await Fixture.OpenStepsAsync()).Single(s => s.Nation == "IDN");

        await Fixture.Send(new ReassignStep(indonesia.Id, "idn.liaison", "admin"));

        var told = Assert.Single(await NotificationsAsync(NotificationKind.Reassigned));
        Assert.Equal(("idn.liaison", indonesia.Id, indonesia.Due), (told.Recipient, told.StepId, told.DueAt));
        Assert.Equal("System administrator gave you National review for Indonesia (IDN) to decide", told.Headline);
        Assert.Equal("Approve, request changes or reject it, with a comment", told.Expected);
        Assert.Equal(["idn.liaison"], await MailedAsync("A step was given to you"));
    }

    [Fact]
    public async Task Mail_for_a_deactivated_user_is_not_sent_and_holds_up_nobody_elses_digest()
    {
        await AddStaffAsync();
        await Fixture.Send(new SetUserMail("tur.approver", "tur.approver@example.org", MailPreference.DailyDigest, "admin"));
        await Fixture.Send(new SetUserMail("pak.approver", "pak.approver@example.org", MailPreference.DailyDigest, "admin"));
        await Fixture.SubmitAsync(Approvals.FiveNations());
        Assert.Equal(["tur.deputy"], await Fixture.WithDb(db => db.OutboxMessages.Where(m => m.Recipient.StartsWith("tur.")).Select(m => m.Recipient).ToListAsync()));

        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        await Fixture.Send(new DeactivateUser("tur.deputy", "admin"));
        await Fixture.Send(new DeactivateUser("tur.approver", "admin"));

        // The deputy's mail stays in the outbox, not sent, saying why; the approver's digest no longer waits.
        var stopped = await Fixture.WithDb(db => db.OutboxMessages.SingleAsync(m => m.Recipient == "tur.deputy"));
        Assert.Equal((MailStatus.DeadLetter, "not sent: tur.deputy was deactivated on 11 Jan 2027, 10:00 UTC"), (stopped.Status, stopped.LastError));
        Assert.False(await Fixture.WithDb(db => db.Notifications.AnyAsync(n => n.Recipient == "tur.approver" && n.DigestPending)));
        // Pakistan's approver still gets theirs.
        Assert.Equal(1, await Fixture.Send(new ComposeDigests(Fixture.Clock.GetUtcNow().AddDays(1))));
        Assert.Equal(["pak.approver"], await Fixture.WithDb(db => db.OutboxMessages.Where(m => m.Subject.Contains("digest")).Select(m => m.Recipient).ToListAsync()));
    }
}
