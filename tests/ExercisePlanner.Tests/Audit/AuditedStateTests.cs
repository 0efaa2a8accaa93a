using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Audit;

/// <summary>
/// Issue 11, finding 9: <c>audit verify</c> compares the state the trail records with the tables, so a direct edit,
/// insertion or deletion in a data table (the trail itself untouched) is named in words.
/// </summary>
public sealed class AuditedStateTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private async Task JourneyAsync()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Fixture.ApproveStageAsync();
    }

    [Fact]
    public async Task An_untouched_database_verifies_after_submission_and_decisions()
    {
        await JourneyAsync();
        (await Fixture.Send(new VerifyAudit())).AssertIntact();
    }

    [Theory]
    [InlineData("""UPDATE "Proposals" SET "Status" = 'Approved'""",
        "Proposal NORTHERN-BRIDGE-27: status is Approved in the table, Submitted in the audit trail")]
    [InlineData("""UPDATE "WorkflowSteps" SET "DecidedBy" = 'mallory' WHERE "Nation" = 'JOR' AND "StageId" = 'national-review'""",
        "Workflow step NORTHERN-BRIDGE-27/r1/national-review/JOR/national-approver: decided by is mallory in the table, jor.approver in the audit trail")]
    [InlineData("""UPDATE "ProposalRevisions" SET "Content" = REPLACE("Content", '"name":"', '"name":"Forged ')""",
        "Proposal revision NORTHERN-BRIDGE-27/revision/1: content is sha256:")]
    [InlineData("""DELETE FROM "ProposalRevisions" """,
        "Proposal revision NORTHERN-BRIDGE-27/revision/1 is in the audit trail but not in the table: deleted without an audit entry")]
    [InlineData("""INSERT INTO "Users" ("Name", "Nation", "Roles", "Title", "DisplayName", "MailPreference") SELECT 'ghost', "Nation", "Roles", "Title", "DisplayName", "MailPreference" FROM "Users" WHERE "Name" = 'jor.approver'""",
        "User ghost is in the table but not in the audit trail")]
    public async Task A_direct_edit_of_a_table_is_named(string tampering, string named)
    {
        await JourneyAsync();
        Assert.True(await Fixture.Database.ExecuteAsync(tampering) > 0);

        var verification = await Fixture.Send(new VerifyAudit());

        Assert.False(verification.Intact);
        Assert.Null(verification.FirstBreak); // the trail itself is untouched
        Assert.Contains(verification.Differences, d => d.StartsWith(named, StringComparison.Ordinal));
    }
}
