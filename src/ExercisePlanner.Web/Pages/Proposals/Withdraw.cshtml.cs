using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

/// <summary>Withdrawal asks for confirmation and a reason (the API and CLI may leave it out; a person at the page may not).</summary>
public sealed class WithdrawModel(IMediator mediator) : PlannerPage(mediator)
{
    [FromRoute] public string Code { get; set; } = "";
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync() => await CoordinatesAsync(Code) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync() => Attempt(async () =>
    {
        if (string.IsNullOrWhiteSpace(Reason)) throw new InvalidInputException("reason", "Reason: say why you withdraw it; the approvers will see it");
        await Mediator.Send(new WithdrawProposal(Code, Actor, Reason));
        return Redirect($"/proposals/{Code}");
    });
}
