using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

public sealed class EditModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    [FromRoute] public string? Code { get; set; }
    [BindProperty] public ProposalForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var content = Code is null
            ? DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) with { Code = "NEW-EXERCISE-" + clock.GetUtcNow().ToString("yy"), Name = "New exercise" }
            : (await Mediator.Send(new ShowProposal(Code, Viewer: Actor))).Content;
        // Not releasable to the viewer's nation: the form would show what the header withholds.
        if (content is null) return StatusCode(StatusCodes.Status403Forbidden);
        Form = ProposalForm.From(content);
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => Attempt(async () =>
    {
        var saved = await Mediator.Send(new ImportProposal(Form.ToContent(), Actor, "proposal"));
        return Redirect($"/proposals/{saved.Code}");
    });

    /// <summary>The problems of one field (<c>participants</c> takes <c>participants[2].nation</c> too); "" for those of no field.</summary>
    public IEnumerable<Problem> ProblemsFor(string field) => field.Length == 0
        ? Problems.Where(p => !ProposalForm.Lists.Any(l => p.Path.StartsWith(l.Field, StringComparison.Ordinal)) && !SingleFields.Any(s => p.Path.StartsWith(s, StringComparison.Ordinal)))
        : Problems.Where(p => p.Path == field || p.Path.StartsWith(field + "[", StringComparison.Ordinal) || p.Path.StartsWith(field + ".", StringComparison.Ordinal));

    private static readonly string[] SingleFields = ["code", "name", "type", "startDate", "endDate", "location", "classification", "releasableTo", "summary"];
}
