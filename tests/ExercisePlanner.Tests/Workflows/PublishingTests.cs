using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Workflows;

/// <summary>
/// Definitions published at run time: drafts change nothing, a published version is used by the next submission on
/// every node at once, running approvals stay on theirs, and a published version never changes.
/// A fixture of its own: published versions stay in the database between tests (Respawn keeps the definitions).
/// </summary>
public sealed class PublishingTests : OwnDatabaseTest
{
    private static readonly int Shipped = Definitions.ShippedVersion, Next = Shipped + 1;
    private static string NextVersion() => Definitions.SignOffOnly();

    [Fact]
    public async Task A_published_version_is_used_by_the_next_submission_on_another_node_while_a_running_one_stays_on_its_version()
    {
        await Fixture.SubmitAsync(Approvals.FiveNations());
        // A second node, started before the publication, and never restarted.
        await using var otherNode = await Fixture.RestartAsync();
        var other = otherNode.GetRequiredService<IsolatedSender>();

        var draft = await Fixture.Send(new SaveWorkflow(NextVersion(), "admin"));
        Assert.Equal(("exercise-approval", Next, false), (draft.Id, draft.Version, draft.Published));
        var drafted = Approvals.FiveNations(p => p with { Code = "DRAFTED-27" });
        await other.Send(new ImportProposal(drafted, "tur.coordinator"));
        await other.Send(new SubmitProposal(drafted.Code, "tur.coordinator"));
        Assert.Equal(Shipped, (await other.Send(new ShowProposal(drafted.Code))).Workflow!.Version); // a draft changes nothing

        var published = await Fixture.Send(new PublishWorkflow("exercise-approval", Next, "admin"));
        Assert.True(published.Published);
        var next = Approvals.FiveNations(p => p with { Code = "SOUTHERN-GATE-27" });
        await other.Send(new ImportProposal(next, "tur.coordinator"));
        await other.Send(new SubmitProposal(next.Code, "tur.coordinator"));
        var newer = await other.Send(new ShowProposal(next.Code));
        Assert.Equal((Next, "final-sign-off"), (newer.Workflow!.Version, newer.Workflow.CurrentStage));

        // The approval that was running stays on the shipped version and goes on with its national review.
        var running = await other.Send(new ShowProposal(Approvals.Code));
        Assert.Equal((Shipped, "national-review"), (running.Workflow!.Version, running.Workflow.CurrentStage));
        await Fixture.ApproveStageAsync();
        Assert.Equal("host-nation-review", (await other.Send(new ShowProposal(Approvals.Code))).Workflow!.CurrentStage);
        Assert.Contains(await other.Send(new ListWorkflows()), d => d.Id == "exercise-approval" && d.Version == Next);
    }

    [Fact]
    public async Task A_published_version_never_changes_and_only_administrators_publish()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new SaveWorkflow(NextVersion(), "tur.coordinator")));
        await Fixture.Send(new SaveWorkflow(NextVersion(), "admin", Publish: true));
        var before = await Fixture.FingerprintAsync();

        var again = await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new SaveWorkflow(NextVersion().Replace("P7D", "P9D"), "admin")));
        Assert.Equal($"version {Next} of 'exercise-approval' is published and cannot change; save the change as version {Next + 1}", again.Message);
        var older = await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new PublishWorkflow("exercise-approval", Shipped, "admin")));
        Assert.Contains("already published", older.Message);
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SaveWorkflow(NextVersion().Replace("\"P7D\"", "\"seven days\""), "admin")));
        Assert.Contains("$.stages[0].due", invalid.Message);
        // Without a default the next submission would have no workflow: refused.
        var noDefault = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SaveWorkflow(
            NextVersion().Replace($"\"version\": {Next},", $"\"version\": {Next + 1},\n  \"appliesTo\": {{ \"fact\": \"type\", \"equals\": \"FTX\" }},"), "admin", Publish: true)));
        Assert.Contains("no default workflow", noDefault.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());

        // Every change is in the audit trail, with who made it.
        Assert.True(await Fixture.WithDb(db => db.AuditEntries.AnyAsync(e => e.EntityKey == $"workflow/exercise-approval/v{Next}" && e.Actor == "admin")));
    }
}
