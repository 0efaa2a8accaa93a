using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Runtime;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Ends a proposal's review at its coordinator's wish, with the reason they give (kept, shown, audited).</summary>
public sealed record WithdrawProposal(string Code, string Actor, string? Reason = null) : ICommand<ProposalSummary>, IActorRequest;

public sealed class WithdrawProposalValidator : JsonValidator<WithdrawProposal>
{
    public const int MaxReasonLength = 1000;

    public WithdrawProposalValidator() =>
        RuleFor(c => c.Reason!.Length).LessThanOrEqualTo(MaxReasonLength).When(c => c.Reason is not null)
            .OverridePropertyName("reason").WithMessage($"Reason: shorten it to at most {MaxReasonLength:N0} characters");
}

public sealed class WithdrawProposalHandler(PlannerDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<WithdrawProposal, ProposalSummary>
{
    public async ValueTask<ProposalSummary> Handle(WithdrawProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        var proposal = await db.RequireProposalAsync(command.Code, cancellationToken);
        actor.RequireCoordinatorOf(proposal);
        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        proposal.Withdraw(now, reason);
        if (await db.RunningInstanceAsync(proposal.Code, cancellationToken) is { } instance)
        {
            // Those whose decision was awaited hear that it no longer is.
            var open = instance.Steps.Where(s => s.Status == StepStatus.Open).ToList();
            await notifier.TellHoldersAsync(db, proposal, open, step => new Notice(NotificationKind.Withdrawn,
                $"{PersonView.From(actor).WithTitle} withdrew the proposal" + (reason is null ? "" : $": {reason}"), "Nothing; this step was cancelled") { Step = step },
                actor.Name, cancellationToken);
            WorkflowEngine.Withdraw(instance, now);
        }
        await notifier.TellOutcomeAsync(db, proposal, ProposalStatus.Withdrawn, actor, null, cancellationToken);
        return ProposalSummary.From(proposal);
    }
}
