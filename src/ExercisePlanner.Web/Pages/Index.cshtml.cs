using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

/// <summary>
/// The dashboard: what needs the user's action (a coordinator's drafts and proposals with changes
/// requested; an approver's open steps), then the proposals they may see, searched, filtered and sorted,
/// with whom each is waiting on.
/// </summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    public IReadOnlyList<StepView> Steps { get; private set; } = [];
    public IReadOnlyList<ProposalSummary> MyWork { get; private set; } = [];
    public IReadOnlyList<ProposalSummary> Proposals { get; private set; } = [];
    public IReadOnlyDictionary<string, Waiting> Waiting { get; private set; } = new Dictionary<string, Waiting>();
    public UserView Me { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();

    public int PageSize => Paging.DefaultLimit;

    /// <summary>The code after which this page of proposals starts (the next page link carries it, in code order).</summary>
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ExerciseType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nation { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public ProposalSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true)] public int Skip { get; set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Status is not null || Type is not null || !string.IsNullOrEmpty(Nation) || From is not null || To is not null;

    public async Task OnGetAsync()
    {
        Me = await Mediator.Send(new ShowUser(Actor));
        Steps = await Mediator.Send(new ListSteps(Actor, Limit: PageSize));
        if (Me.IsCoordinator())
        {
            var drafts = await Mediator.Send(new ListProposals(Actor, Limit: PageSize, Filter: new(Status: ProposalStatus.Draft, Coordinator: Actor)));
            var changes = await Mediator.Send(new ListProposals(Actor, Limit: PageSize, Filter: new(Status: ProposalStatus.ChangesRequested, Coordinator: Actor)));
            MyWork = [.. changes, .. drafts];
        }
        var filter = new ProposalFilter(Q, Status, Type, Nation, From, To, Sort, Desc, Math.Max(0, Skip));
        Proposals = await Mediator.Send(new ListProposals(Actor, After, PageSize, filter));
        Waiting = await Mediator.Send(new WaitingOn(Proposals.Where(p => p.Status == ProposalStatus.Submitted).Select(p => p.Code).ToList()));
    }

    /// <summary>This page's address with some parameters changed, the others kept (sorting, paging).</summary>
    public string Link(ProposalSort? sort = null, bool? desc = null, int? skip = null, string? after = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q, ["status"] = Status?.ToString(), ["type"] = Type?.ToString(), ["nation"] = Nation,
            ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
            ["sort"] = (sort ?? Sort) == ProposalSort.Code ? null : (sort ?? Sort).ToString(),
            ["desc"] = desc ?? Desc ? "true" : null, ["skip"] = skip is > 0 ? skip.ToString() : null, ["after"] = after,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>The next page: after the last code in code order (stable as proposals are added), else by position.</summary>
    public string NextPage() => Sort == ProposalSort.Code && !Desc ? Link(after: Proposals[^1].Code) : Link(skip: Skip + PageSize);

    /// <summary>Who the proposal waits on, in words.</summary>
    public string WaitingOnText(ProposalSummary p) => p.Status switch
    {
        ProposalStatus.Submitted when Waiting.TryGetValue(p.Code, out var w) => $"{w.Stage}: {string.Join(", ", w.Nations.Select(Words.Nation))}",
        ProposalStatus.Draft or ProposalStatus.ChangesRequested => "The coordinator",
        _ => "Nobody",
    };
}
