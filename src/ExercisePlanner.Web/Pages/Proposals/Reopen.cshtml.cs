using ExercisePlanner.Core.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

public sealed class ReopenModel(IMediator mediator) : PlannerPage(mediator)
{
    [FromRoute] public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() => await CoordinatesAsync(Code) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync() => Attempt(async () =>
    {
        await Mediator.Send(new ReopenProposal(Code, Actor));
        return Redirect($"/proposals/{Code}");
    });
}
