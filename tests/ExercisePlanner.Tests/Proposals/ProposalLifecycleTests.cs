using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Proposals;

public sealed class ProposalLifecycleTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Import_creates_a_draft_then_updates_it_in_place()
    {
        await Fixture.AddStaffAsync();
        var created = await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        var updated = await Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "Northern Bridge 2027 (revised)" }, "tur.coordinator"));

        Assert.True(created.Created);
        Assert.False(updated.Created);
        var shown = await Fixture.Send(new ShowProposal("NORTHERN-BRIDGE-27"));
        Assert.Equal("Northern Bridge 2027 (revised)", shown.Name);
        Assert.Equal(ProposalStatus.Draft, shown.Status);
        Assert.Equal(1, shown.Revision);
        Assert.Equal("tur.coordinator", shown.Coordinator);
        Assert.Equal(["ImportProposal", "ImportProposal"], shown.History.Select(h => h.Action));
        Assert.Equal(1, await Fixture.WithDb(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task Submit_freezes_the_content_as_revision_one_and_blocks_edits()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        var submitted = await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));

        Assert.Equal(ProposalStatus.Submitted, submitted.Status);
        var revision = Assert.Single(await Fixture.WithDb(db => db.ProposalRevisions.ToListAsync()));
        Assert.Equal(1, revision.Number);
        Assert.Equal("Northern Bridge 2027", revision.Content.Name);
        Assert.Equal(PlannerFixture.Today, revision.SubmittedAt);

        var before = await Fixture.FingerprintAsync();
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "Late edit" }, "tur.coordinator")));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator")));
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Withdraw_is_for_the_coordinator_of_a_submitted_proposal()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "tur.coordinator")));
        await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "jor.coordinator")));

        var withdrawn = await Fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));

        Assert.Equal(ProposalStatus.Withdrawn, withdrawn.Status);
        var history = (await Fixture.Send(new ShowProposal("NORTHERN-BRIDGE-27"))).History.Where(h => h.Record.StartsWith("Proposal ")).ToList();
        Assert.Equal(["ImportProposal", "SubmitProposal", "WithdrawProposal"], history.Select(h => h.Action));
        Assert.All(history, h => Assert.Equal("tur.coordinator", h.Actor));
    }

    [Fact]
    public async Task Unknown_codes_are_reported_as_not_found()
    {
        await Fixture.AddStaffAsync();
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new ShowProposal("NO-SUCH-CODE")));
        Assert.Equal("no proposal with code 'NO-SUCH-CODE'", missing.Message);
    }

    [Fact]
    public async Task List_shows_every_proposal_in_code_order()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal() with { Code = "ZULU-27" }, "tur.coordinator"));
        await Fixture.Send(new ImportProposal(Samples.Proposal() with { Code = "ALPHA-27", Type = ExerciseType.TTX }, "jor.coordinator"));

        var list = await Fixture.Send(new ListProposals());

        Assert.Equal(["ALPHA-27", "ZULU-27"], list.Select(p => p.Code));
        Assert.Equal(ExerciseType.TTX, list[0].Type);
    }

    [Fact]
    public async Task Lists_page_through_the_proposals_a_viewer_may_see_and_follow_revised_participants()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new Core.Features.Users.AddUser("usa.approver", "USA", ["national-approver"]));
        foreach (var code in new[] { "ALPHA-27", "BRAVO-27", "CHARLIE-27" })
            await Fixture.Send(new ImportProposal(Samples.Proposal() with { Code = code }, "tur.coordinator"));
        // Pakistan leaves BRAVO-27 in a revised draft.
        await Fixture.Send(new ImportProposal(Samples.Proposal() with
        {
            Code = "BRAVO-27",
            Participants = [.. Samples.Proposal().Participants.Where(n => n.Nation != "PAK")],
            ReleasableTo = [.. Samples.Proposal().ReleasableTo.Where(n => n != "PAK")],
            CostShares = [new() { Nation = "JOR", Percent = 50 }, new() { Nation = "TUR", Percent = 50 }],
        }, "tur.coordinator"));

        async Task<string[]> Page(string viewer, string? after = null, int? limit = null) =>
            [.. (await Fixture.Send(new ListProposals(viewer, after, limit))).Select(p => p.Code)];

        Assert.Equal(["ALPHA-27"], await Page("pak.approver", limit: 1));
        Assert.Equal(["CHARLIE-27"], await Page("pak.approver", after: "ALPHA-27", limit: 1));
        Assert.Empty(await Page("pak.approver", after: "CHARLIE-27", limit: 1));
        Assert.Equal(["ALPHA-27", "BRAVO-27", "CHARLIE-27"], await Page("jor.approver"));
        Assert.Equal(["ALPHA-27", "BRAVO-27", "CHARLIE-27"], await Page("admin"));
        Assert.Empty(await Page("usa.approver"));
        Assert.Equal("Northern Bridge 2027", (await Fixture.Send(new ListProposals("jor.approver", Limit: 1)))[0].Name);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ListProposals("jor.approver", Limit: 0)));
        Assert.Equal("limit", refused.Problems[0].Path);
    }

    [Fact]
    public async Task A_stale_copy_of_a_proposal_cannot_overwrite_a_newer_one()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));

        await using var scopeA = Fixture.Services.CreateAsyncScope();
        var stale = scopeA.ServiceProvider.GetRequiredService<Core.Persistence.PlannerDbContext>();
        var copy = await stale.Proposals.SingleAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "Newer" }, "tur.coordinator"));

        copy.Revise(Samples.Proposal() with { Name = "Stale" }, PlannerFixture.Today);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        Assert.Equal("Newer", (await Fixture.Send(new ShowProposal("NORTHERN-BRIDGE-27"))).Name);
    }

    [Fact]
    public async Task A_withdrawn_or_rejected_proposal_is_reopened_by_its_coordinator_and_resubmitted_as_the_next_revision()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        await Fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "tur.coordinator", "  Host nation postponed.  "));
        Assert.Equal("Host nation postponed.", (await Fixture.Send(new EditProposal("NORTHERN-BRIDGE-27", "tur.coordinator"))).WithdrawalReason);
        var audited = await Fixture.WithDb(db => db.AuditEntries.Where(e => e.Action == "WithdrawProposal" && e.EntityType == "Proposal").ToListAsync());
        Assert.Contains("Host nation postponed.", Assert.Single(audited).After); // kept in the tamper-evident trail, also after reopening

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ReopenProposal("NORTHERN-BRIDGE-27", "jor.coordinator")));
        var reopened = await Fixture.Send(new ReopenProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        Assert.Equal(ProposalStatus.Draft, reopened.Status);
        Assert.Null((await Fixture.Send(new EditProposal("NORTHERN-BRIDGE-27", "tur.coordinator"))).WithdrawalReason);
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new ReopenProposal("NORTHERN-BRIDGE-27", "tur.coordinator")));

        var resubmitted = await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        Assert.Equal(2, resubmitted.Revision);
        Assert.Equal(ProposalStatus.Submitted, resubmitted.Status);
    }
}
