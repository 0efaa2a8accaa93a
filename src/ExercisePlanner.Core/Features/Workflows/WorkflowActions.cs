using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Core.Features.Notifications;
using Mediator;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>The mediator request behind each <c>onApproved</c> action a definition may name.</summary>
public static class WorkflowActions
{
    public const string GenerateDocumentsAction = "generate-documents";
    public const string NotifyParticipantsAction = "notify-participants";

    /// <summary>
    /// Runs an action of the approval of <paramref name="revision"/>: telling participants in the decision's unit of work
    /// (it commits with the approval or not at all); storing documents once it has committed, since rendering them
    /// would hold the writer lock (<see cref="AfterCommit"/>).
    /// </summary>
    public static async Task RunAsync(string action, string code, int revision, IMediator mediator, AfterCommit afterCommit, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case GenerateDocumentsAction: afterCommit.Defer(new Documents.StoreDocuments(code, revision)); break;
            case NotifyParticipantsAction: await mediator.Send(new NotifyParticipants(code), cancellationToken); break;
            default: throw new InvalidOperationException($"unknown workflow action '{action}'");
        }
    }
}

/// <summary>
/// Tells the coordinators and national approvers of every participating nation that a proposal was approved
/// (its own coordinator and deciders are told by the decision itself).
/// </summary>
public sealed record NotifyParticipants(string Code) : ICommand;

public sealed class NotifyParticipantsHandler(PlannerDbContext db, Notifier notifier) : ICommandHandler<NotifyParticipants>
{
    private static readonly string[] Roles = [Domain.User.Coordinator, "national-approver"];

    public async ValueTask<Unit> Handle(NotifyParticipants command, CancellationToken cancellationToken)
    {
        var proposal = await notifier.ProposalAsync(command.Code, cancellationToken);
        var told = (await db.TakingPartAsync(proposal, cancellationToken)).Select(u => u.Name).ToHashSet();
        var nations = proposal.Content.Participants.Select(p => p.Nation).ToList();
        var others = (await db.OfNationsAsync(nations, Roles, cancellationToken)).Where(u => !told.Contains(u.Name));
        notifier.Notify(proposal, new Notice(NotificationKind.Approved, $"Revision {proposal.Revision} is approved by every nation",
            "Nothing; prepare your nation's part of the exercise") { Stage = "Approved" }, others, actor: null);
        return Unit.Value;
    }
}
