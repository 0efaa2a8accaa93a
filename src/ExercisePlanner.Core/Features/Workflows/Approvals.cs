using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>Glue between a proposal and its approval workflow instances.</summary>
internal static class Approvals
{
    /// <summary>Amendments run this workflow unless the one that approved the revision in force names another.</summary>
    public const string DefaultAmendmentWorkflow = "exercise-amendment";

    /// <summary>Starts <paramref name="definition"/> for the revision just submitted; a workflow whose every stage is skipped approves at once.</summary>
    public static async Task<WorkflowInstance> StartAsync(this WorkflowDefinitions workflows, PlannerDbContext db, Proposal proposal,
        WorkflowDefinition definition, string startedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instance = workflows.Engine.Start(definition, ProposalSubject.Of(proposal), startedBy, now);
        await db.InsertStartedAsync(instance, cancellationToken);
        if (instance.Status == InstanceStatus.Approved) proposal.Conclude(ProposalStatus.Approved, now);
        return instance;
    }

    /// <summary>
    /// The definition a submission of the proposal runs; refuses (<see cref="UnstaffedException"/>) one that would open
    /// a step nobody of its nation and role can decide.
    /// </summary>
    public static async Task<WorkflowDefinition> RequireStaffedAsync(this WorkflowDefinitions workflows, PlannerDbContext db, Proposal proposal,
        CancellationToken cancellationToken)
    {
        var subject = ProposalSubject.Of(proposal);
        var definition = await workflows.ForSubmissionAsync(db, proposal, subject, cancellationToken);
        await db.RequireStaffedAsync(proposal, workflows.Engine.Plan(definition, subject), cancellationToken);
        return definition;
    }

    /// <summary>
    /// The definition a submission runs: the newest published one whose <c>appliesTo</c> fits (else the default); for an
    /// amendment, the newest version of the amendment workflow named by the one that approved the revision in force.
    /// </summary>
    public static async Task<WorkflowDefinition> ForSubmissionAsync(this WorkflowDefinitions workflows, PlannerDbContext db, Proposal proposal,
        ProposalSubject subject, CancellationToken cancellationToken)
    {
        var published = await workflows.PublishedAsync(db, cancellationToken);
        if (!proposal.IsAmending) return published.Select(subject, ProposalSubject.Facts);
        var approved = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SubjectKey == proposal.Code && i.SubjectRevision == proposal.InForceRevision && i.Status == InstanceStatus.Approved)
            .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var approvedBy = approved is null ? null : await workflows.PinnedAsync(db, approved.DefinitionId, approved.DefinitionVersion, cancellationToken);
        var id = approvedBy?.Amendment ?? (approvedBy is { IsAmendment: true } ? approvedBy.Id : DefaultAmendmentWorkflow);
        return published.Find(id) is { IsAmendment: true } amendment
            ? amendment
            : throw new ConflictException($"there is no amendment workflow '{id}'; an administrator must publish one before {proposal.Code} can be amended");
    }

    /// <summary>The revision an instance runs on, as the engine sees it: an amendment against the revision in force.</summary>
    public static async Task<ProposalSubject> SubjectOfAsync(this PlannerDbContext db, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Code == instance.SubjectKey)
            .Select(p => new { p.Id, p.InForceRevision }).SingleAsync(cancellationToken);
        return await db.SubjectOfAsync(instance, proposal.Id, proposal.InForceRevision, cancellationToken);
    }

    public static async Task<ProposalSubject> SubjectOfAsync(this PlannerDbContext db, WorkflowInstance instance, int proposalId, int? inForceRevision,
        CancellationToken cancellationToken)
    {
        // Only the revision under review (and, for an amendment, the one in force): loading all of them costs a JSON parse each.
        var inForce = inForceRevision is { } n && n != instance.SubjectRevision ? n : instance.SubjectRevision;
        var revisions = await db.ProposalRevisions.AsNoTracking()
            .Where(r => r.ProposalId == proposalId && (r.Number == instance.SubjectRevision || r.Number == inForce)).ToListAsync(cancellationToken);
        var revision = revisions.Single(r => r.Number == instance.SubjectRevision);
        return new ProposalSubject(instance.SubjectKey, revision.Number, revision.Content,
            inForce == revision.Number ? null : revisions.Single(r => r.Number == inForce).Content);
    }

    public static Task<WorkflowInstance?> RunningInstanceAsync(this PlannerDbContext db, string code, CancellationToken cancellationToken) =>
        db.WorkflowInstances.Include(i => i.Steps).ThenInclude(s => s.Timers)
            .SingleOrDefaultAsync(i => i.SubjectKey == code && i.Status == InstanceStatus.Running, cancellationToken);

    public static ProposalStatus ToProposalStatus(this InstanceStatus status) => status switch
    {
        InstanceStatus.Approved => ProposalStatus.Approved,
        InstanceStatus.Rejected => ProposalStatus.Rejected,
        InstanceStatus.ChangesRequested => ProposalStatus.ChangesRequested,
        InstanceStatus.Withdrawn => ProposalStatus.Withdrawn,
        _ => ProposalStatus.Submitted,
    };

    public static WorkflowActor AsWorkflowActor(this User user) => new(user.Name, user.Nation, user.Roles);
}
