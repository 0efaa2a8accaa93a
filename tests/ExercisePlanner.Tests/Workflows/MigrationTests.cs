using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Workflows;

/// <summary>
/// Running approvals moved to a newer version: a dry run first, then one transaction per approval that carries open
/// steps over, keeps decisions, cancels and opens steps, and refuses approvals at a stage the new version lacks.
/// A fixture of its own: the versions published here stay in the database (Respawn keeps definitions).
/// </summary>
public sealed class MigrationTests : OwnDatabaseTest
{
    private const string AtNationalReview = "NATIONAL-27", AtHostReview = "HOSTNATION-27";
    private static readonly int Shipped = Definitions.ShippedVersion, Next = Shipped + 1;
    private static readonly Dictionary<string, string> NoMap = [];
    /// <summary>
    /// Version 2 of the default: the national review asks Jordan, Türkiye and Pakistan (not Indonesia) and also Jordan's
    /// legal adviser; the host-nation review is renamed "host-nation-checks".
    /// </summary>
    private static string Version2()
    {
        var v1 = Definitions.Shipped();
        var national = v1.Stages[0] with
        {
            Steps = [new StepDefinition { Assignees = Assignees.Nations, Nations = ["JOR", "TUR", "PAK"], Role = "national-approver" },
                     new StepDefinition { Assignees = Assignees.Host, Role = "legal-advisor" }],
        };
        return Definitions.Json(v1 with { Version = Next, Stages = [national, v1.Stages[1] with { Id = "host-nation-checks" }, .. v1.Stages.Skip(2)] });
    }

    private async Task ArrangeAsync()
    {
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Code = AtNationalReview }));
        await Fixture.DecideAsync((await Fixture.OpenStepsAsync(AtNationalReview)).Single(s => s.Nation == "JOR"));
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Code = AtHostReview }));
        await Fixture.ApproveStageAsync(AtHostReview);
        await Fixture.Send(new SaveWorkflow(Version2(), "admin", Publish: true));
    }

    private Task<MigrationReport> MigrateAsync(bool dryRun, IReadOnlyDictionary<string, string> map, params string[] proposals) =>
        Fixture.Sender.Send(new MigrateWorkflow("exercise-approval", Shipped, Next, proposals, map, dryRun, "admin"));

    [Fact]
    public async Task A_dry_run_shows_carried_kept_cancelled_and_opened_steps_and_refuses_an_unmapped_stage_and_changes_nothing()
    {
        await ArrangeAsync();
        var before = await Fixture.FingerprintAsync();

        var report = await MigrateAsync(dryRun: true, NoMap);

        var national = report.Instances.Single(i => i.Proposal == AtNationalReview);
        Assert.Equal(("national-review", "national-review", null), (national.Stage, national.ToStage, national.Refusal));
        Assert.Equal(
            ["Cancelled IDN national-approver", "Carried PAK national-approver", "Carried TUR national-approver",
             "Kept JOR national-approver", "Opened JOR legal-advisor"],
            national.Steps.Select(s => $"{s.Change} {s.Nation} {s.Role}").Order());
        var host = report.Instances.Single(i => i.Proposal == AtHostReview);
        Assert.Equal($"stage 'host-nation-review' is not in version {Next}; map it to one of national-review, host-nation-checks, security-review, final-sign-off", host.Refusal);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // Without --dry-run, one unmappable approval stops the whole run.
        var refused = await MigrateAsync(dryRun: false, NoMap);
        Assert.False(refused.Migrated);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // Only the approvals named are looked at.
        Assert.Equal([AtHostReview], (await MigrateAsync(dryRun: true, NoMap, AtHostReview)).Instances.Select(i => i.Proposal));
        await Assert.ThrowsAsync<InvalidInputException>(() => MigrateAsync(dryRun: true, NoMap, "NO-SUCH-27"));
        await Assert.ThrowsAsync<InvalidInputException>(() => MigrateAsync(dryRun: true, new Dictionary<string, string> { ["host-nation-review"] = "nowhere" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Sender.Send(new MigrateWorkflow("exercise-approval", Shipped, Next, [], NoMap, true, "jor.approver")));
    }

    [Fact]
    public async Task A_migration_with_a_stage_map_moves_each_approval_keeps_every_decision_and_goes_on_under_the_new_version()
    {
        await ArrangeAsync();
        var jordan = (await Fixture.Send(new ShowProposal(AtNationalReview))).Steps.Single(s => s.Nation == "JOR" && s.Role == "national-approver");

        var report = await MigrateAsync(dryRun: false, new Dictionary<string, string> { ["host-nation-review"] = "host-nation-checks" });

        Assert.True(report.Migrated);
        var shown = await Fixture.Send(new ShowProposal(AtNationalReview));
        Assert.Equal((Next, "national-review"), (shown.Workflow!.Version, shown.Workflow.CurrentStage));
        var kept = shown.Steps.Single(s => s.Id == jordan.Id);
        Assert.Equal((StepStatus.Approved, jordan.DecidedBy, jordan.Comment), (kept.Status, kept.DecidedBy, kept.Comment));
        Assert.Equal(StepStatus.Cancelled, shown.Steps.Single(s => s.Nation == "IDN").Status);
        Assert.Equal(["JOR legal-advisor", "PAK national-approver", "TUR national-approver"],
            (await Fixture.OpenStepsAsync(AtNationalReview)).Select(s => $"{s.Nation} {s.Role}").Order());
        var hostChecks = await Fixture.Send(new ShowProposal(AtHostReview));
        Assert.Equal((Next, "host-nation-checks"), (hostChecks.Workflow!.Version, hostChecks.Workflow.CurrentStage));
        Assert.All(await Fixture.OpenStepsAsync(AtHostReview), s => Assert.Equal("host-nation-checks", s.Stage));

        // The approval goes on under the new version: its national review completes without Indonesia.
        await Fixture.ApproveStageAsync(AtNationalReview);
        Assert.Equal("host-nation-checks", (await Fixture.Send(new ShowProposal(AtNationalReview))).Workflow!.CurrentStage);

        // Each approval moved in its own audited transaction, by the administrator.
        Assert.True(await Fixture.WithDb(db => db.AuditEntries.AnyAsync(e =>
            e.EntityKey == $"{AtNationalReview}/r1" && e.Action == nameof(MigrateInstance) && e.Actor == "admin")));
        // Nothing is left to migrate from the shipped version.
        Assert.Empty((await MigrateAsync(dryRun: true, NoMap)).Instances);
    }
}
