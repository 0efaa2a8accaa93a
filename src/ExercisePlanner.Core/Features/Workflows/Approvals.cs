using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>Glue between a proposal and its approval workflow instances.</summary>
internal static class Approvals
{
    /// <summary>Starts the workflow for the revision just submitted; a workflow whose every stage is skipped approves at once.</summary>
    public static WorkflowInstance Start(this WorkflowDefinitions workflows, PlannerDbContext db, Proposal proposal, string startedBy, DateTimeOffset now)
    {
        var subject = ProposalSubject.Of(proposal);
        var definition = workflows.Catalog.Select(subject, ProposalSubject.Facts);
        var instance = workflows.Engine.Start(definition, subject, startedBy, now);
        db.WorkflowInstances.Add(instance);
        if (instance.Status == InstanceStatus.Approved) proposal.Conclude(ProposalStatus.Approved, now);
        return instance;
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
