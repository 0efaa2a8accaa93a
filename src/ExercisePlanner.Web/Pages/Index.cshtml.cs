using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using Mediator;

namespace ExercisePlanner.Web.Pages;

public sealed class IndexModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    public IReadOnlyList<StepView> Steps { get; private set; } = [];
    public IReadOnlyList<ProposalSummary> Proposals { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync()
    {
        Steps = await Mediator.Send(new ListSteps(Actor));
        Proposals = await Mediator.Send(new ListProposals(Actor));
    }
}
