using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>Dry run: the stages and steps a proposal will need, and the earliest date it can be fully approved.</summary>
public sealed record PlanWorkflow(string Code, string? Viewer = null) : IQuery<WorkflowPlan>;

/// <summary>For an amendment, <paramref name="Changed"/> and <paramref name="NationsAffected"/> are the facts its stages are chosen by.</summary>
/// <param name="OnRequestChanges">The definition's <c>onRequestChanges</c>; <paramref name="WhenChangesRequested"/> says what it does in words.</param>
public sealed record WorkflowPlan(string Proposal, string Workflow, int Version, DateTimeOffset From,
    IReadOnlyList<PlannedStageView> Stages, DateTimeOffset EarliestApproval, IReadOnlyList<string> Changed, IReadOnlyList<string> NationsAffected,
    string OnRequestChanges, string WhenChangesRequested)
{
    /// <summary>The steps of stages that will run whose nation and role no user holds: a submission is refused until each has someone.</summary>
    public IReadOnlyList<UnstaffedStep> Unstaffed { get; init; } = [];
    /// <summary>When some step is unstaffed, the administrators (by display name) who can add the users it needs.</summary>
    public IReadOnlyList<string> Administrators { get; init; } = [];
    /// <summary>The definition's name for people ("Exercise approval"); <see cref="Workflow"/> is its id.</summary>
    public string WorkflowName { get; init; } = Workflow;
}

/// <param name="Completion">The definition's rule (<c>all</c>, <c>any</c>, <c>quorum 2</c>); <see cref="Needs"/> says it in words.</param>
public sealed record PlannedStageView(string Id, string Name, bool Applies, string? Condition, string Completion, string Due,
    DateTimeOffset? DueBy, IReadOnlyList<PlannedStep> Steps)
{
    /// <summary>How many of the stage's steps must approve, in words: "all 4 must approve", "2 of 4 must approve".</summary>
    public string Needs { get; init; } = "";
    /// <summary><see cref="Condition"/> in words: "only when the classification is above UNCLASSIFIED"; null when the stage always runs.</summary>
    public string? RunsWhen { get; init; }
}

public sealed class PlanWorkflowHandler(PlannerDbContext db, WorkflowDefinitions workflows, TimeProvider clock)
    : IQueryHandler<PlanWorkflow, WorkflowPlan>
{
    public async ValueTask<WorkflowPlan> Handle(PlanWorkflow query, CancellationToken cancellationToken)
    {
        var (proposal, viewer) = await db.ViewProposalAsync(query.Code, query.Viewer, cancellationToken);
        viewer.RequireContent(proposal); // the plan follows from the content: its nations, roles and dates
        var subject = ProposalSubject.Of(proposal);
        // A running workflow keeps the version it started with; otherwise plan with what a submission would pick.
        var running = await db.WorkflowInstances.AsNoTracking()
            .SingleOrDefaultAsync(i => i.SubjectKey == proposal.Code && i.Status == InstanceStatus.Running, cancellationToken);
        var definition = running is null
            ? await workflows.ForSubmissionAsync(db, proposal, subject, cancellationToken)
            : await workflows.PinnedAsync(db, running.DefinitionId, running.DefinitionVersion, cancellationToken);
        var from = running?.StartedAt ?? clock.GetUtcNow();

        var plan = workflows.Engine.Plan(definition, subject);
        var unstaffed = await db.UnstaffedAsync(plan, proposal.Coordinator, cancellationToken);
        var cursor = from;
        var stages = new List<PlannedStageView>();
        foreach (var planned in plan)
        {
            var runs = planned.Applies && planned.Steps.Count > 0;
            DateTimeOffset? dueBy = runs ? cursor += planned.Stage.DueIn : null;
            stages.Add(new PlannedStageView(planned.Stage.Id, planned.Stage.Name, runs, planned.Stage.RunsWhen,
                planned.Stage.Completion.ToString(), planned.Stage.Due, dueBy, planned.Steps)
            {
                Needs = Words.Approvals(planned.Stage.Completion.Needed(planned.Steps.Count), planned.Steps.Count),
                RunsWhen = StageConditions.RunsWhen(planned.Stage),
            });
        }
        return new WorkflowPlan(proposal.Code, definition.Id, definition.Version, from, stages, cursor, subject.Changed, subject.NationsAffected,
            definition.OnRequestChanges, MermaidDiagram.WhenChangesRequested(definition))
        {
            Unstaffed = unstaffed,
            Administrators = unstaffed.Count == 0 ? [] : await db.AdministratorsAsync(cancellationToken),
            WorkflowName = definition.Name,
        };
    }
}
