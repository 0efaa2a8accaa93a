using System.Linq.Expressions;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// Proposals by code: all of them for the operator; for a signed-in viewer, those they may see. A page
/// is the <paramref name="Limit"/> proposals after the code <paramref name="After"/>; no limit, all of them.
/// </summary>
public sealed record ListProposals(string? Viewer = null, string? After = null, int? Limit = null) : IQuery<IReadOnlyList<ProposalSummary>>;

/// <summary>
/// One line of a list. Name, type and dates are those of the revision in force while an amendment is open;
/// <paramref name="Status"/> and <paramref name="Revision"/> are the working ones, <paramref name="Amendment"/> its number (0: none).
/// </summary>
public sealed record ProposalSummary(
    string Code, string Name, ExerciseType Type, ProposalStatus Status, int Revision, DateOnly StartDate, DateOnly EndDate,
    int? InForceRevision, int Amendment)
{
    /// <summary>Reads only the list columns, never the content's JSON.</summary>
    public static readonly Expression<Func<Proposal, ProposalSummary>> Columns =
        p => new ProposalSummary(p.Code, p.Name, p.Type, p.Status, p.Revision, p.StartDate, p.EndDate, p.InForceRevision, p.Amendment);

    private static readonly Func<Proposal, ProposalSummary> FromLoaded = Columns.Compile();

    public static ProposalSummary From(Proposal proposal) => FromLoaded(proposal);
}

public sealed class ListProposalsValidator : JsonValidator<ListProposals>
{
    public ListProposalsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
}

public sealed class ListProposalsHandler(PlannerDbContext db) : IQueryHandler<ListProposals, IReadOnlyList<ProposalSummary>>
{
    public async ValueTask<IReadOnlyList<ProposalSummary>> Handle(ListProposals query, CancellationToken cancellationToken)
    {
        var viewer = await db.ViewerAsync(query.Viewer, cancellationToken);
        var proposals = db.Proposals.AsNoTracking().SeenBy(viewer);
        if (query.After is { } after) proposals = proposals.Where(p => string.Compare(p.Code, after) > 0);
        var ordered = proposals.OrderBy(p => p.Code);
        var page = query.Limit is { } limit ? ordered.Take(limit) : ordered;
        return await page.Select(ProposalSummary.Columns).ToListAsync(cancellationToken);
    }
}
