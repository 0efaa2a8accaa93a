using System.Text.Json;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

public sealed class EditModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    [FromRoute] public string? Code { get; set; }
    [BindProperty] public string Document { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var content = Code is null
            ? DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) with { Code = "NEW-EXERCISE-" + clock.GetUtcNow().ToString("yy"), Name = "New exercise" }
            : (await Mediator.Send(new ShowProposal(Code, Viewer: Actor))).Content;
        Document = JsonSerializer.Serialize(content, JsonFormat.Output);
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => Attempt(async () =>
    {
        var content = JsonFormat.Read<ProposalContent>(Document, "proposal");
        var saved = await Mediator.Send(new ImportProposal(content, Actor, "proposal"));
        return Redirect($"/proposals/{saved.Code}");
    });
}
