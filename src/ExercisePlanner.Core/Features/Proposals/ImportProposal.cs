using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>What saving a proposal may do with a code that exists or not.</summary>
public enum SaveMode
{
    /// <summary>The proposal file's contract (<c>proposal import</c>): a new code creates, an existing one updates.</summary>
    CreateOrUpdate,
    /// <summary>Only a new code; an existing one is refused, never overwritten.</summary>
    Create,
    /// <summary>Only an existing code, optionally only at the version the editor read.</summary>
    Update,
}

/// <summary>
/// Creates or updates a draft. The editor saves with <see cref="ProposalRules.Identity"/> (half-finished work
/// is kept; the full rules run at submission); proposal files and the API meet every rule.
/// </summary>
public sealed record ImportProposal(
    ProposalContent Content, string Actor, string? Source = null, SaveMode Mode = SaveMode.CreateOrUpdate,
    ProposalRules Rules = ProposalRules.Complete, int? ExpectedVersion = null)
    : ICommand<ImportResult>, IActorRequest, ISourcedRequest, IPreparedRequest
{
    /// <summary>The content's stored text, made outside the writer lock (the column and the audit's digest both use it).</summary>
    public void Prepare() => ContentText.Of(Content);
}

/// <summary>
/// The content's rules, checked by <see cref="ValidationBehaviour{TMessage,TResponse}"/> before the unit of work takes
/// the writer lock: however large or wrong a proposal is, no other writer waits while it is read.
/// </summary>
public sealed class ImportProposalValidator : AbstractValidator<ImportProposal>
{
    private static readonly ProposalContentValidator Complete = new();
    private static readonly ProposalContentValidator Identity = new(ProposalRules.Identity);

    public override ValidationResult Validate(ValidationContext<ImportProposal> context) =>
        (context.InstanceToValidate.Rules == ProposalRules.Identity ? Identity : Complete).Validate(context.InstanceToValidate.Content);

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
            if (command.Mode == SaveMode.Update) throw new NotFoundException($"no proposal with code '{command.Content.Code}'");
            var proposal = Proposal.Draft(command.Content, actor.Name, now);
            db.Proposals.Add(proposal);
            return new ImportResult(proposal.Code, true, proposal.Status, proposal.Revision);
        }
        if (command.Mode == SaveMode.Create)
        {
            // Say so only to those who may see it; to others the code is simply taken.
            throw actor.CanSee(existing)
                ? new ConflictException($"{existing.Code} already exists: open it")
                : new ConflictException($"the code {existing.Code} is taken; choose another");
        }
        actor.RequireCoordinatorOf(existing);
        if (command.ExpectedVersion is { } expected && expected != existing.Version)
            throw new StaleVersionException($"{existing.Code} was changed by someone else since you opened it; reload it and make your changes again");
        existing.Revise(command.Content, now);
        return new ImportResult(existing.Code, false, existing.Status, existing.Revision);
    }
}
