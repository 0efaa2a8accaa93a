using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Creates a draft from a proposal file, or updates the draft with the same code.</summary>
public sealed record ImportProposal(ProposalContent Content, string Actor, string? Source = null)
    : ICommand<ImportResult>, IActorRequest, ISourcedRequest;

/// <summary>
/// The content's rules, checked by <see cref="ValidationBehaviour{TMessage,TResponse}"/> before the unit of work takes
/// the writer lock: however large or wrong a proposal is, no other writer waits while it is read.
/// </summary>
public sealed class ImportProposalValidator : AbstractValidator<ImportProposal>
{
    private static readonly ProposalContentValidator Rules = new();

    public override ValidationResult Validate(ValidationContext<ImportProposal> context) => Rules.Validate(context.InstanceToValidate.Content);

    public override Task<ValidationResult> ValidateAsync(ValidationContext<ImportProposal> context, CancellationToken cancellation = default) =>
        Task.FromResult(Validate(context));
}

public sealed record ImportResult(string Code, bool Created, ProposalStatus Status, int Revision);

public sealed class ImportProposalHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<ImportProposal, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        if (!actor.HasRole(User.Coordinator) && !actor.HasRole(User.Admin))
            throw new ForbiddenException($"{actor.Name} is not a coordinator");

        var now = clock.GetUtcNow();
        var existing = await db.Proposals.SingleOrDefaultAsync(p => p.Code == command.Content.Code, cancellationToken);
        if (existing is null)
        {
            var proposal = Proposal.Draft(command.Content, actor.Name, now);
            db.Proposals.Add(proposal);
            return new ImportResult(proposal.Code, true, proposal.Status, proposal.Revision);
        }
        actor.RequireCoordinatorOf(existing);
        existing.Revise(command.Content, now);
        return new ImportResult(existing.Code, false, existing.Status, existing.Revision);
    }
}
