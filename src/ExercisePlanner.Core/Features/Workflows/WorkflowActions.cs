using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Workflows.Runtime;
using Mediator;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>The mediator request behind each <c>onApproved</c> action a definition may name.</summary>
public static class WorkflowActions
{
    public static ICommand For(string action, string code) => action switch
    {
        "notify-participants" => new NotifyParticipants(code),
        "generate-documents" => new Documents.StoreDocuments(code),
        _ => throw new InvalidOperationException($"unknown workflow action '{action}'"),
    };
}

/// <summary>Tells the coordinators and national approvers of every participant that a proposal was approved.</summary>
public sealed record NotifyParticipants(string Code) : ICommand;

public sealed class NotifyParticipantsHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<NotifyParticipants>
{
    public async ValueTask<Unit> Handle(NotifyParticipants command, CancellationToken cancellationToken)
    {
        var proposal = await db.RequireProposalAsync(command.Code, cancellationToken);
        foreach (var participant in proposal.Content.Participants)
            db.Notifications.Add(new WorkflowNotification
            {
                SubjectKey = proposal.Code,
                Kind = "Approved",
                Nation = participant.Nation,
                Role = "national-approver",
                Message = $"{proposal.Content.Name} ({proposal.Code}) revision {proposal.Revision} is approved by all nations.",
                CreatedAt = clock.GetUtcNow(),
            });
        return Unit.Value;
    }
}
