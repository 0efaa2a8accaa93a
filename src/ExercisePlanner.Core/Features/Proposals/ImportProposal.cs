using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>Creates a draft from a proposal file, or updates the draft with the same code.</summary>
public sealed record ImportProposal(ProposalContent Content, string Actor, string? Source = null)
    : ICommand<ImportResult>, IActorRequest;

public sealed record ImportResult(string Code, bool Created, ProposalStatus Status, int Revision);

public sealed class ImportProposalHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<ImportProposal, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportProposal command, CancellationToken cancellationToken)
    {
        var actor = await db.RequireUserAsync(command.Actor, cancellationToken);
        if (!actor.HasRole(User.Coordinator) && !actor.HasRole(User.Admin))
            throw new ForbiddenException($"{actor.Name} is not a coordinator");
        new ProposalContentValidator().Validate(command.Content).ThrowIfInvalid(command.Source);

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
