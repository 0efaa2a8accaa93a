using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Testing;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Mail;

/// <summary>The outbox delivered by <see cref="MailSender"/> to a real SMTP server on loopback.</summary>
public sealed class MailTests(PlannerFixture fixture) : DatabaseTest(fixture), IAsyncLifetime
{
    private LoopbackSmtp _smtp = null!;
    private readonly List<ServiceProvider> _providers = [];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Fixture.ResetAsync();
        _smtp = await LoopbackSmtp.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _smtp.DisposeAsync();
        foreach (var provider in _providers) await provider.DisposeAsync();
    }

    private MailSettings Settings(Func<MailSettings, MailSettings>? change = null)
    {
        var settings = new MailSettings { Host = "127.0.0.1", Port = _smtp.Port, Security = MailSecurity.None };
        return change is null ? settings : change(settings);
    }

    private MailSender Sender(MailSettings? settings = null) => Services(settings).GetRequiredService<MailSender>();

    /// <summary>A node with these mail settings on the fixture's database (mail is composed by the node that writes it).</summary>
    private ServiceProvider Services(MailSettings? settings = null)
    {
        var provider = PlannerServices.Build(Fixture.Database.Settings, Fixture.Clock, mail: settings ?? Settings());
        _providers.Add(provider);
        return provider;
    }

    /// <summary>The demo staff, each with an address, and people who must receive nothing of this proposal's steps.</summary>
    private async Task AddStaffAsync(Dictionary<string, MailPreference>? preferences = null)
    {
        await Fixture.AddDemoStaffAsync();
        foreach (var user in DemoData.Users)
            await Fixture.Send(new SetUserMail(user.Name, $"{user.Name}@example.org",
                preferences?.GetValueOrDefault(user.Name, MailPreference.EachEvent) ?? MailPreference.EachEvent, "admin"));
        await Fixture.Send(new AddUser("mys.approver", "MYS", ["national-approver"]) { Email = "mys.approver@example.org" });
        await Fixture.Send(new AddUser("fra.approver", "FRA", ["national-approver"]) { Email = "fra.approver@example.org" });
    }

    // Türkiye has two national approvers in the demo staff (tur.approver and tur.deputy): both are told of its steps.
    private static string[] NationalApproverAddresses => ["idn.approver@example.org", "jor.approver@example.org", "pak.approver@example.org", "tur.approver@example.org", "tur.deputy@example.org"];

    private static int NationalApprovers => NationalApproverAddresses.Length;

    private string[] ReceivedAddresses() => _smtp.Received.Select(m => m.To.Mailboxes.Single().Address).Order().ToArray();

    [Fact]
    public async Task Each_event_reaches_the_right_people_by_mail_marked_and_with_only_code_name_stage_and_link()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());

        var run = await Sender().SendPendingAsync();

        Assert.Equal(new MailRun(NationalApprovers, 0, 0), run);
        Assert.Equal(NationalApproverAddresses, ReceivedAddresses());
        var mail = _smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "jor.approver@example.org");
        Assert.Equal($"[RESTRICTED — REL TO JOR, TUR, PAK, IDN] Your decision is needed: {Approvals.Code}", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains($"Proposal: {Approvals.Code} — Northern Bridge 2027", body);
        Assert.Contains("Stage: National review", body);
        Assert.Matches($"Open: http://localhost:5080/proposals/{Approvals.Code}#step-[0-9]+", body);
        Assert.DoesNotContain("waits for", body);
        Assert.DoesNotContain("2027, 09:00", body);
        var outbox = await Fixture.WithDb(db => db.OutboxMessages.Include(m => m.History).ToListAsync());
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), _smtp.Received.Select(m => m.MessageId).Order());
        Assert.All(outbox, m => Assert.Equal((MailStatus.Sent, 1, true), (m.Status, m.History.Count, m.History[0].Delivered)));
    }

    [Fact]
    public async Task Two_nodes_sending_at_once_deliver_each_message_once()
    {
        await AddStaffAsync();
        for (var i = 0; i < 10; i++) await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Code = $"TWIN-{i}" }));
        var nodes = new[] { Sender(Settings(s => s with { BatchSize = 3 })), Sender(Settings(s => s with { BatchSize = 3 })) };

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => nodes[i % 2].SendPendingAsync())));

        Assert.Equal(10 * NationalApprovers, runs.Sum(r => r.Delivered));
        Assert.Equal(10 * NationalApprovers, _smtp.Received.Count);
        Assert.Equal(10 * NationalApprovers, _smtp.Received.Select(m => m.MessageId).Distinct().Count());
        (await Fixture.Send(new Core.Features.Audit.VerifyAudit())).AssertIntact();
    }

    [Fact]
    public async Task Bodies_say_what_happened_and_by_when_only_when_configured()
    {
        await AddStaffAsync();
        var node = Services(Settings(s => s with { DetailedBodies = true, BaseUrl = "https://planner.example.org" }));
        var commands = node.GetRequiredService<Core.Common.IsolatedSender>();
        await commands.Send(new Core.Features.Proposals.ImportProposal(Approvals.FiveNations(), DemoData.Coordinator));
        await commands.Send(new Core.Features.Proposals.SubmitProposal(Approvals.Code, DemoData.Coordinator));

        await node.GetRequiredService<MailSender>().SendPendingAsync();

        var body = _smtp.Received.Single(m => m.To.Mailboxes.Single().Address == "jor.approver@example.org").TextBody;
        Assert.Contains("What happened: National review for Jordan (JOR) is open and waits for a national approver", body);
        Assert.Contains("What is expected: Approve, request changes or reject it, with a comment", body);
        Assert.Contains("By: 25 Jan 2027, 09:00 UTC", body);
        Assert.Matches($"Open: https://planner.example.org/proposals/{Approvals.Code}#step-[0-9]+", body);
    }

    [Fact]
    public async Task With_the_server_down_mail_is_retried_after_a_while_and_delivered_exactly_once_when_it_is_back()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await _smtp.StopAsync();
        var sender = Sender();

        Assert.Equal(new MailRun(0, NationalApprovers, 0), await sender.SendPendingAsync());
        Assert.Equal(new MailRun(0, 0, 0), await sender.SendPendingAsync()); // backing off: not yet due
        await _smtp.StartAgainAsync();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(new MailRun(0, 0, 0), await sender.SendPendingAsync());
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new MailRun(NationalApprovers, 0, 0), await sender.SendPendingAsync());
        Assert.Equal(new MailRun(0, 0, 0), await sender.SendPendingAsync());

        Assert.Equal(NationalApproverAddresses, ReceivedAddresses());
        var outbox = await Fixture.WithDb(db => db.OutboxMessages.Include(m => m.History).ToListAsync());
        Assert.All(outbox, m =>
        {
            Assert.Equal([false, true], m.History.OrderBy(a => a.StartedAt).Select(a => a.Delivered!.Value));
            Assert.StartsWith("could not reach the mail server", m.History.OrderBy(a => a.StartedAt).First().Error);
        });
    }

    [Fact]
    public async Task Mail_that_keeps_failing_becomes_a_dead_letter_an_administrator_can_send_again()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await _smtp.StopAsync();
        var sender = Sender(Settings(s => s with { MaxAttempts = 2 }));

        await sender.SendPendingAsync();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new MailRun(0, 0, NationalApprovers), await sender.SendPendingAsync());
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(new MailRun(0, 0, 0), await sender.SendPendingAsync());

        var dead = await Fixture.Send(new ListOutbox("admin", MailStatus.DeadLetter));
        Assert.Equal(NationalApprovers, dead.Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ListOutbox("jor.approver")));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new RetryMail(dead[0].Id, "jor.approver")));
        await _smtp.StartAgainAsync();
        await Fixture.Send(new RetryMail(dead[0].Id, "admin"));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new RetryMail(dead[0].Id, "admin")));

        Assert.Equal(new MailRun(1, 0, 0), await sender.SendPendingAsync());
        Assert.Equal([dead[0].To], ReceivedAddresses());
    }

    [Fact]
    public async Task Preferences_are_honoured_and_a_daily_digest_groups_a_days_notifications_by_proposal()
    {
        await AddStaffAsync(new()
        {
            ["jor.approver"] = MailPreference.None,
            ["pak.approver"] = MailPreference.DailyDigest,
        });
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Code = "SOUTHERN-GATE-27", Name = "Southern Gate 2027", Classification = Classification.Confidential }));
        var sender = Sender();

        await sender.SendPendingAsync();
        Assert.Equal(["idn.approver@example.org", "idn.approver@example.org", "tur.approver@example.org", "tur.approver@example.org", "tur.deputy@example.org", "tur.deputy@example.org"], ReceivedAddresses());

        Fixture.Clock.Now = new DateTimeOffset(2027, 1, 12, 5, 59, 0, TimeSpan.Zero); // before the digest hour
        await sender.SendPendingAsync();
        Assert.Equal(6, _smtp.Received.Count);

        Fixture.Clock.Now = new DateTimeOffset(2027, 1, 12, 6, 0, 0, TimeSpan.Zero);
        await sender.SendPendingAsync();
        await sender.SendPendingAsync();
        var digest = Assert.Single(_smtp.Received, m => m.To.Mailboxes.Single().Address == "pak.approver@example.org");
        Assert.Equal("[CONFIDENTIAL] Daily digest: 2 notifications", digest.Subject);
        Assert.Contains("2 notifications on 2 proposals since your last digest.", digest.TextBody);
        Assert.Contains($"{Approvals.Code} — Northern Bridge 2027 (RESTRICTED)", digest.TextBody);
        Assert.Contains("SOUTHERN-GATE-27 — Southern Gate 2027 (CONFIDENTIAL)", digest.TextBody);
        Assert.Contains("http://localhost:5080/proposals/SOUTHERN-GATE-27", digest.TextBody);
        Assert.DoesNotContain(_smtp.Received, m => m.To.Mailboxes.Single().Address == "jor.approver@example.org");
        // Everyone still has everything in the app.
        Assert.Equal(2, (await Fixture.Send(new Core.Features.Notifications.ListNotifications("jor.approver"))).Unread);
    }

    [Fact]
    public async Task Approval_mail_carries_the_planning_conferences_as_an_invitation()
    {
        await AddStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        while ((await Fixture.Send(new Core.Features.Proposals.ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted)
            await Fixture.ApproveStageAsync();

        await Sender().SendPendingAsync();

        var approved = _smtp.Received.First(m => m.Subject!.Contains("Approved:") && m.To.Mailboxes.Single().Address == "tur.coordinator@example.org");
        var invitation = Assert.Single(approved.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("text/calendar", invitation.ContentType.MimeType);
        using var content = new MemoryStream();
        await invitation.Content!.DecodeToAsync(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var conferences = Approvals.FiveNations().Conferences;
        Assert.Equal(conferences.Count, calendar.Events.Count);
        Assert.Contains(calendar.Events, e => e.Summary!.StartsWith("[RESTRICTED] Initial planning conference (IPC): Northern Bridge 2027"));
        // The observer's nation is not in releasableTo: its approval mail has no conferences attached.
        var observer = _smtp.Received.Single(m => m.Subject!.Contains("Approved:") && m.To.Mailboxes.Single().Address == "mys.approver@example.org");
        Assert.Empty(observer.Attachments);
    }
}
