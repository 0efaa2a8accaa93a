using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Audit;

/// <summary>Issue 11, finding 9: every table that holds state is audited, the ones added later included.</summary>
public sealed class AuditCoverageTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>The entity types of a context that are neither audited nor excused with a reason.</summary>
    public static List<string> Uncovered(IModel model, AuditedModel audited) =>
        model.GetEntityTypes().Select(t => t.ClrType).Distinct()
            .Where(t => !audited.Audits(t) && !audited.NotAudited.ContainsKey(t)).Select(t => t.Name).ToList();

    [Fact]
    public async Task Every_table_of_the_planner_is_audited_or_says_why_not()
    {
        var model = await Fixture.WithDb(db => Task.FromResult(db.Model));
        Assert.Empty(Uncovered(model, AuditedEntities.Model));
    }

    [Fact]
    public async Task Revisions_participating_nations_and_timers_are_audited()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));

        var entries = await Fixture.WithDb(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var revision = Assert.Single(entries, e => e.EntityType == nameof(ProposalRevision));
        Assert.Equal(("NORTHERN-BRIDGE-27/revision/1", "SubmitProposal"), (revision.EntityKey, revision.Action));
        var stored = await Fixture.WithDb(db => db.Database.SqlQueryRaw<string>("""SELECT "Content" AS "Value" FROM "ProposalRevisions" """).SingleAsync());
        Assert.Contains($"\"Content\":\"{ContentDigest.Of(stored)}\"", revision.After);

        Assert.Equal(Samples.Proposal().Participants.Select(p => $"NORTHERN-BRIDGE-27/nation/{p.Nation}").Order(),
            entries.Where(e => e.EntityType == nameof(ProposalNation)).Select(e => e.EntityKey).Order());
        var timers = await Fixture.WithDb(db => db.WorkflowTimers.CountAsync());
        Assert.True(timers > 0);
        Assert.Equal(timers, entries.Count(e => e.EntityType == nameof(WorkflowTimer) && e.Change == "Added"));
    }
}
