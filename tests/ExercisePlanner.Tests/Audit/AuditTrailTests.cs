using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Audit;

public sealed class AuditTrailTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private async Task SeedAsync()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
    }

    private Task<int> ExecuteAsync(string sql) => Fixture.Database.ExecuteAsync(sql);

    [Fact]
    public async Task Every_state_change_is_recorded_with_who_when_and_before_after()
    {
        await SeedAsync();
        var entries = await Fixture.WithDb(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());

        // The kept workflow definitions (entered as found after the reset), users, the draft with its four participating nations, then the submission: proposal, its revision, workflow
        // instance and a step for each of the three contributing nations with its reminder and escalation timers, and a
        // notification to each nation's approver that their decision is needed.
        var definitions = await Fixture.WithDb(db => db.WorkflowDefinitions.CountAsync());
        Assert.Equal(definitions + Samples.Staff.Count + 1 + 4 + 6 + 6 + 3, entries.Count);
        Assert.Equal(3, entries.Count(e => e is { EntityType: "WorkflowStep", Action: "SubmitProposal", Change: "Added" }));
        var submit = entries.Single(e => e is { EntityType: "Proposal", Change: "Modified" });
        Assert.Equal(("tur.coordinator", "SubmitProposal", "Proposal", "NORTHERN-BRIDGE-27", "Modified"),
            (submit.Actor, submit.Action, submit.EntityType, submit.EntityKey, submit.Change));
        Assert.Equal(PlannerFixture.Today, submit.At);
        Assert.Contains("\"Status\":\"Draft\"", submit.Before);
        Assert.Contains("\"Status\":\"Submitted\"", submit.After);
        Assert.Equal(entries.Single(e => e.Sequence == submit.Sequence - 1).Hash, submit.PreviousHash);

        var verification = await Fixture.Send(new VerifyAudit());
        Assert.True(verification.Intact);
        Assert.Equal(entries.Count, verification.Entries);
        Assert.Equal(entries[^1].Hash, verification.HeadHash);
    }

    [Fact]
    public async Task A_proposals_content_is_recorded_by_the_digest_of_its_column_not_copied()
    {
        await SeedAsync();
        var stored = await Fixture.WithDb(db => db.Database
            .SqlQueryRaw<string>("""SELECT "Content" AS "Value" FROM "Proposals" """).SingleAsync());
        var entries = await Fixture.WithDb(db => db.AuditEntries.Where(e => e.EntityType == "Proposal").OrderBy(e => e.Sequence).ToListAsync());

        var draft = entries.First(e => e.Change == "Added");
        Assert.Contains($"\"Content\":\"{ContentDigest.Of(stored)}\"", draft.After);
        // Not a word of the content itself: the summary lives in the Proposals and ProposalRevisions tables only.
        Assert.DoesNotContain(Samples.Proposal().Summary, draft.After);
        Assert.All(entries, e => Assert.True((e.Before?.Length ?? 0) + (e.After?.Length ?? 0) < 2_000));
        (await Fixture.Send(new VerifyAudit())).AssertIntact();
    }

    [Theory]
    [InlineData("""UPDATE "AuditEntries" SET "Actor" = 'mallory' WHERE "Sequence" = 3""", 3, "edited")]
    [InlineData("""UPDATE "AuditEntries" SET "After" = "After" || ' ' WHERE "Sequence" = 9""", 9, "edited")]
    [InlineData("""DELETE FROM "AuditEntries" WHERE "Sequence" = 4""", 5, "removed or reordered")]
    [InlineData("""UPDATE "AuditEntries" SET "Sequence" = "Sequence" + 100 WHERE "Sequence" = 2; UPDATE "AuditEntries" SET "Sequence" = 2 WHERE "Sequence" = 3; UPDATE "AuditEntries" SET "Sequence" = 3 WHERE "Sequence" = 102""", 2, "previous hash")]
    public async Task Verify_names_the_first_tampered_entry(string tampering, long firstBad, string reason)
    {
        await SeedAsync();
        Assert.True(await ExecuteAsync(tampering) > 0);

        var verification = await Fixture.Send(new VerifyAudit());

        Assert.False(verification.Intact);
        Assert.Equal(firstBad, verification.FirstBreak!.Sequence);
        Assert.Contains(reason, verification.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_failing_command_leaves_neither_changes_nor_audit_entries()
    {
        await SeedAsync();
        var before = await Fixture.FingerprintAsync();
        // A trigger makes the proposal update fail inside the transaction, after the audit entry was added.
        await using (await Fixture.Database.FailProposalUpdatesToAsync("Withdrawn"))
        {
            var failure = await Assert.ThrowsAsync<DbUpdateException>(
                () => Fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "tur.coordinator")));
            Assert.Contains("injected failure", failure.InnerException!.Message);
            Assert.Equal(before, await Fixture.FingerprintAsync());
        }
        Assert.Equal(before, await Fixture.FingerprintAsync());
        (await Fixture.Send(new VerifyAudit())).AssertIntact();
    }
}
