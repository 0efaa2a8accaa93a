using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using Mediator;

namespace ExercisePlanner.Web.Pages;

public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    public IReadOnlyList<StepView> Steps { get; private set; } = [];
    public IReadOnlyList<ProposalSummary> Proposals { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public int PageSize => Paging.DefaultLimit;

    /// <summary>The code after which this page of proposals starts (the next page link carries it).</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public async Task OnGetAsync()
    {
        Steps = await Mediator.Send(new ListSteps(Actor, Limit: PageSize));
        Proposals = await Mediator.Send(new ListProposals(Actor, After, PageSize));
    }
}
