using System.Linq.Expressions;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// Proposals: all of them for the operator; for a signed-in viewer, those they may see; narrowed by
/// <paramref name="Filter"/>. By code, a page is the <paramref name="Limit"/> proposals after the code
/// <paramref name="After"/>; in another order, after skipping <see cref="ProposalFilter.Skip"/>. No limit, all of them.
/// </summary>
public sealed record ListProposals(string? Viewer = null, string? After = null, int? Limit = null, ProposalFilter? Filter = null)
    : IQuery<IReadOnlyList<ProposalSummary>>;

/// <summary>What the dashboard and <c>GET /api/v1/proposals</c> search and sort by.</summary>
/// <param name="Search">Part of the code or the name, any case.</param>
/// <param name="Nation">A nation taking part (any role).</param>
/// <param name="From">Exercises that end on or after this date.</param>
/// <param name="To">Exercises that start on or before this date.</param>
/// <param name="Coordinator">Only this user's proposals.</param>
public sealed record ProposalFilter(
    string? Search = null, ProposalStatus? Status = null, ExerciseType? Type = null, string? Nation = null,
    DateOnly? From = null, DateOnly? To = null, ProposalSort Sort = ProposalSort.Code, bool Descending = false, int Skip = 0,
    string? Coordinator = null)
{
}

public enum ProposalSort { Code, Name, Type, Start, Status }

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
    public ListProposalsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Filter!.Skip).GreaterThanOrEqualTo(0).When(q => q.Filter is not null).OverridePropertyName("skip");
        RuleFor(q => q.Filter!.Search!.Length).LessThanOrEqualTo(100).When(q => q.Filter?.Search is not null)
            .OverridePropertyName("search").WithMessage("Search: shorten it to at most 100 characters");
    }
}

public sealed class ListProposalsHandler(PlannerDbContext db) : IQueryHandler<ListProposals, IReadOnlyList<ProposalSummary>>
{
    public async ValueTask<IReadOnlyList<ProposalSummary>> Handle(ListProposals query, CancellationToken cancellationToken)
    {
        var viewer = await db.ViewerAsync(query.Viewer, cancellationToken);
        var filter = query.Filter ?? new ProposalFilter();
        var proposals = Narrow(db.Proposals.AsNoTracking().SeenBy(viewer), filter);
        if (query.After is { } after) proposals = proposals.Where(p => string.Compare(p.Code, after) > 0);
        var ordered = Order(proposals, filter);
        var skipped = filter.Skip > 0 ? ordered.Skip(filter.Skip) : ordered;
        var page = query.Limit is { } limit ? skipped.Take(limit) : skipped;
        return await page.Select(ProposalSummary.Columns).ToListAsync(cancellationToken);
    }

    private static IQueryable<Proposal> Narrow(IQueryable<Proposal> proposals, ProposalFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var code = filter.Search.Trim().ToUpperInvariant();
            var name = filter.Search.Trim().ToLower();
            proposals = proposals.Where(p => p.Code.Contains(code) || p.Name.ToLower().Contains(name));
        }
        if (filter.Coordinator is { } coordinator) proposals = proposals.Where(p => p.Coordinator == coordinator);
        if (filter.Status is { } status) proposals = proposals.Where(p => p.Status == status);
        if (filter.Type is { } type) proposals = proposals.Where(p => p.Type == type);
        if (filter.Nation is { Length: > 0 } nation) proposals = proposals.Where(p => p.Nations.Count(n => n.Nation == nation) > 0);
        if (filter.From is { } from) proposals = proposals.Where(p => p.EndDate >= from);
        if (filter.To is { } to) proposals = proposals.Where(p => p.StartDate <= to);
        return proposals;
    }

    // Code breaks ties, so pages never overlap.
    private static IOrderedQueryable<Proposal> Order(IQueryable<Proposal> proposals, ProposalFilter filter) => (filter.Sort, filter.Descending) switch
    {
        (ProposalSort.Name, false) => proposals.OrderBy(p => p.Name).ThenBy(p => p.Code),
        (ProposalSort.Name, true) => proposals.OrderByDescending(p => p.Name).ThenBy(p => p.Code),
        (ProposalSort.Type, false) => proposals.OrderBy(p => p.Type).ThenBy(p => p.Code),
        (ProposalSort.Type, true) => proposals.OrderByDescending(p => p.Type).ThenBy(p => p.Code),
        (ProposalSort.Start, false) => proposals.OrderBy(p => p.StartDate).ThenBy(p => p.Code),
        (ProposalSort.Start, true) => proposals.OrderByDescending(p => p.StartDate).ThenBy(p => p.Code),
        (ProposalSort.Status, false) => proposals.OrderBy(p => p.Status).ThenBy(p => p.Code),
        (ProposalSort.Status, true) => proposals.OrderByDescending(p => p.Status).ThenBy(p => p.Code),
        (_, true) => proposals.OrderByDescending(p => p.Code),
        _ => proposals.OrderBy(p => p.Code),
    };
}
