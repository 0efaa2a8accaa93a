using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// Moves the approvals running on one version of a workflow to another (all of them, or those of the proposals named).
/// With <paramref name="DryRun"/>, only says what would happen to each. Otherwise, if every approval can be mapped,
/// migrates each in a transaction of its own; if any cannot, migrates none. Administrators only.
/// Not a command: each approval is its own unit of work (<see cref="MigrateInstance"/>).
/// </summary>
public sealed record MigrateWorkflow(string Id, int From, int To, IReadOnlyList<string> Proposals, IReadOnlyDictionary<string, string> Map,
    bool DryRun, string Actor) : IRequest<MigrationReport>;

/// <summary>Stage maps as people write them: <c>OLD=NEW</c>, each stage of the old version once.</summary>
public static class StageMap
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs, string where)
    {
        var map = new Dictionary<string, string>();
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new InvalidInputException(where, $"'{pair}' is not OLD=NEW (a stage of the old version = a stage of the new one)");
            if (!map.TryAdd(parts[0], parts[1])) throw new InvalidInputException(where, $"stage '{parts[0]}' is mapped twice");
        }
        return map;
    }
}

public sealed record MigrationReport(string Workflow, int From, int To, bool DryRun, bool Migrated, IReadOnlyList<InstanceMigration> Instances)
{
    public IEnumerable<InstanceMigration> Refused => Instances.Where(i => i.Refusal is not null);
}

/// <summary>One approval: the stage it is at and lands in, and each step's fate; or why it cannot be moved.</summary>
public sealed record InstanceMigration(string Proposal, int Revision, string Stage, string? ToStage, string? Refusal, IReadOnlyList<MigrationStep> Steps);

/// <summary>Migrates one approval in its own transaction, planning again on what the database holds now.</summary>
public sealed record MigrateInstance(int InstanceId, int From, int To, IReadOnlyDictionary<string, string> Map, string Actor)
    : ICommand<InstanceMigration>, IActorRequest;

public sealed class MigrateWorkflowHandler(PlannerDbContext db, WorkflowDefinitions workflows, IsolatedSender sender)
    : IRequestHandler<MigrateWorkflow, MigrationReport>
{
    public async ValueTask<MigrationReport> Handle(MigrateWorkflow request, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(request.Actor, cancellationToken);
        var (from, to) = await Migrations.VersionsAsync(db, workflows, request.Id, request.From, request.To, request.Map, cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.DefinitionId == request.Id && i.DefinitionVersion == request.From && i.Status == InstanceStatus.Running)
            .OrderBy(i => i.SubjectKey).ToListAsync(cancellationToken);
        var strays = request.Proposals.Except(instances.Select(i => i.SubjectKey)).ToList();
        if (strays.Count > 0)
            throw new InvalidInputException("--instances", $"no approval of {string.Join(", ", strays)} is running on version {request.From} of '{request.Id}'");
        if (request.Proposals.Count > 0) instances = instances.Where(i => request.Proposals.Contains(i.SubjectKey)).ToList();

        var planned = new List<InstanceMigration>();
        foreach (var instance in instances) planned.Add(await Migrations.PlanAsync(db, workflows, instance, to, request.Map, cancellationToken));
        if (request.DryRun || planned.Any(p => p.Refusal is not null))
            return new MigrationReport(request.Id, from.Version, to.Version, request.DryRun, false, planned);

        var migrated = new List<InstanceMigration>();
        foreach (var instance in instances)
            migrated.Add(await sender.Send(new MigrateInstance(instance.Id, request.From, request.To, request.Map, request.Actor), cancellationToken));
        return new MigrationReport(request.Id, from.Version, to.Version, false, true, migrated);
    }
}

public sealed class MigrateInstanceHandler(PlannerDbContext db, WorkflowDefinitions workflows, IMediator mediator, AfterCommit afterCommit, TimeProvider clock)
    : ICommandHandler<MigrateInstance, InstanceMigration>
{
    public async ValueTask<InstanceMigration> Handle(MigrateInstance command, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.Include(i => i.Steps).ThenInclude(s => s.Timers)
            .SingleAsync(i => i.Id == command.InstanceId, cancellationToken);
        if (instance.DefinitionVersion != command.From || instance.Status != InstanceStatus.Running)
            throw new ConflictException($"the approval of {instance.SubjectKey} changed meanwhile (now {instance.Status}, version {instance.DefinitionVersion}); nothing was migrated for it");
        var to = await workflows.PinnedAsync(db, instance.DefinitionId, command.To, cancellationToken);
        var subject = await db.SubjectOfAsync(instance, cancellationToken);
        var plan = workflows.Engine.PlanMigration(instance, to, subject, command.Map);
        if (plan.Refused) throw new ConflictException($"the approval of {instance.SubjectKey} cannot be migrated: {plan.Refusal}");

        var now = clock.GetUtcNow();
        var outcome = workflows.Engine.Migrate(plan, instance, to, subject, now);
        if (outcome.Status != InstanceStatus.Running)
        {
            var proposal = await db.Proposals.Include(p => p.Revisions).SingleAsync(p => p.Code == instance.SubjectKey, cancellationToken);
            proposal.Conclude(outcome.Status.ToProposalStatus(), now);
        }
        foreach (var action in outcome.Actions) await WorkflowActions.RunAsync(action, instance.SubjectKey, instance.SubjectRevision, mediator, afterCommit, cancellationToken);
        return Migrations.View(instance, plan);
    }
}

internal static class Migrations
{
    /// <summary>Both versions, published, of one workflow, and a map that names their stages.</summary>
    public static async Task<(WorkflowDefinition From, WorkflowDefinition To)> VersionsAsync(PlannerDbContext db, WorkflowDefinitions workflows,
        string id, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> map, CancellationToken cancellationToken)
    {
        if (fromVersion == toVersion) throw new InvalidInputException("--to", $"the approvals are on version {fromVersion} already");
        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id && d.PublishedAt != null)
            .Select(d => d.Version).ToListAsync(cancellationToken);
        foreach (var (option, version) in new[] { ("--from", fromVersion), ("--to", toVersion) })
            if (!published.Contains(version))
                throw new InvalidInputException(option, $"no published version {version} of workflow '{id}'; published: {string.Join(", ", published.Order())}");
        var from = await workflows.PinnedAsync(db, id, fromVersion, cancellationToken);
        var to = await workflows.PinnedAsync(db, id, toVersion, cancellationToken);
        var problems = map.Keys.Where(k => from.Stages.All(s => s.Id != k)).Select(k => new Problem("--map", $"'{k}' is not a stage of version {fromVersion}"))
            .Concat(map.Values.Where(v => to.Stages.All(s => s.Id != v)).Select(v => new Problem("--map", $"'{v}' is not a stage of version {toVersion}")))
            .ToList();
        if (problems.Count > 0) throw new InvalidInputException(problems);
        return (from, to);
    }

    public static async Task<InstanceMigration> PlanAsync(PlannerDbContext db, WorkflowDefinitions workflows, WorkflowInstance instance,
        WorkflowDefinition to, IReadOnlyDictionary<string, string> map, CancellationToken cancellationToken)
    {
        var subject = await db.SubjectOfAsync(instance, cancellationToken);
        return View(instance, workflows.Engine.PlanMigration(instance, to, subject, map));
    }

    public static InstanceMigration View(WorkflowInstance instance, MigrationPlan plan) =>
        new(instance.SubjectKey, instance.SubjectRevision, plan.FromStage, plan.ToStage, plan.Refusal, plan.Steps);
}
