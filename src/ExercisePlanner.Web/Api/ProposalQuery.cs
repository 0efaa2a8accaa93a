using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;

namespace ExercisePlanner.Web.Api;

/// <summary>The list's search, filters and order as query parameters (<c>?search=bridge&amp;status=Submitted&amp;sort=Start</c>).</summary>
public sealed record ProposalQuery(
    string? Search, ProposalStatus? Status, ExerciseType? Type, string? Nation, DateOnly? From, DateOnly? To,
    ProposalSort? Sort, bool? Descending, int? Skip)
{
    public ProposalFilter ToFilter() => new(Search, Status, Type, Nation?.ToUpperInvariant(), From, To, Sort ?? ProposalSort.Code, Descending ?? false, Skip ?? 0);
}
