using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Steps;

/// <summary>
/// Reject asks for confirmation: the decision form's Reject button posts here with its comment, and
/// only "Reject the proposal" on this page records the decision.
/// </summary>
public sealed class RejectModel(IMediator mediator) : PlannerPage(mediator)
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Comment { get; set; }
    public StepView? Step { get; private set; }

    /// <summary>The confirmation, with the comment the decision form posted (none when opened by address).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        return Step is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnGetAsync() => OnPostAsync();

    public Task<IActionResult> OnPostConfirmAsync() => Attempt(async () =>
    {
        var result = await Mediator.Send(new DecideStep(Id, Decision.Reject, Comment ?? "", Actor));
        return Redirect($"/proposals/{result.Step.Proposal}?done={result.Step.Status}");
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    /// <summary>The step, if the user may decide it now.</summary>
    private async Task LoadAsync() => Step = (await Mediator.Send(new ListSteps(Actor))).SingleOrDefault(s => s.Id == Id);
}
