using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

/// <summary>
/// The structured editor. "Save draft" keeps whatever identifies the proposal (code and name); the
/// full rules run at submission. Row buttons post <c>add:LIST</c> / <c>remove:LIST:INDEX</c>, so
/// the editor works without script; editor.js does the same in the browser.
/// </summary>
public sealed class EditModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    [FromRoute] public string? Code { get; set; }
    [BindProperty] public ProposalForm Form { get; set; } = new();
    [BindProperty] public string? Command { get; set; }

    /// <summary>The code a "new proposal" collided with: the page offers to open it.</summary>
    public string? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool example = false)
    {
        if (!(await Mediator.Send(new ShowUser(Actor))).IsCoordinator()) return Forbid();
        if (Code is not null)
        {
            var proposal = await Mediator.Send(new EditProposal(Code, Actor));
            // Not releasable to the viewer's nation: the form would show what the page withholds.
            if (proposal.Content is null) return Forbid();
            if (!proposal.IsEditable) return Redirect($"/proposals/{Code}");
            Form = ProposalForm.From(proposal.Content, proposal.Version);
        }
        else if (example)
            Form = ProposalForm.From(DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) with { Code = "", Name = "" });
        else
            Form = new ProposalForm { Participants = [new(), new()], Objectives = [new()] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!(await Mediator.Send(new ShowUser(Actor))).IsCoordinator()) return Forbid();
        var parts = (Command ?? "save").Split(':');
        if (parts is ["add", var list]) { Form.AddRow(list); return Rows(); }
        if (parts is ["remove", var from, var index] && int.TryParse(index, out var row)) { Form.RemoveRow(from, row); return Rows(); }

        if (UnreadableFields() is { Count: > 0 } unreadable) return Refused(unreadable, StatusCodes.Status400BadRequest);
        try
        {
            var saved = await Mediator.Send(new ImportProposal(Form.ToContent(), Actor, Mode: Code is null ? SaveMode.Create : SaveMode.Update,
                Rules: ProposalRules.Identity, ExpectedVersion: Code is null ? null : Form.Version));
            return Redirect($"/proposals/{saved.Code}?saved=1");
        }
        catch (InvalidInputException ex) { return Refused(ex.Problems, StatusCodes.Status400BadRequest); }
        catch (ConflictException ex) when (Code is null)
        {
            Existing = Form.ToContent().Code;
            return Refused([new Problem("code", $"{ProposalFields.Label("code")}: {ex.Message}")], StatusCodes.Status409Conflict);
        }
        catch (Exception ex) when (ex is StaleVersionException or ConflictException or ForbiddenException or NotFoundException)
        {
            return Refused([new Problem("", ex.Message)], StatusCodes.Status409Conflict);
        }
    }

    private IActionResult Rows()
    {
        ModelState.Clear(); // the inputs show the rows as they now are, not as posted
        return Page();
    }

    private IActionResult Refused(IReadOnlyList<Problem> problems, int status)
    {
        Problems = problems;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Inputs the browser sent that are not numbers or dates where one is expected.</summary>
    private List<Problem> UnreadableFields() => ModelState
        .Where(entry => entry.Value is { Errors.Count: > 0, AttemptedValue.Length: > 0 } && entry.Key.StartsWith("Form.", StringComparison.Ordinal))
        .Select(entry => ProposalFields.Sentence(new Problem(PathOf(entry.Key), entry.Key.EndsWith("Date", StringComparison.Ordinal)
            ? "enter a date" : "enter a number")))
        .ToList();

    /// <summary><c>Form.CostShares[2].Percent</c> → <c>costShares[2].percent</c>: the proposal file's path.</summary>
    private static string PathOf(string key) => string.Join('.', key["Form.".Length..].Split('.').Select(s => char.ToLowerInvariant(s[0]) + s[1..]));

    public bool HasProblem(string path) => Problems.Any(p => Anchor(p.Path) == path);

    /// <summary>The problems shown at one field, row or list (each shows at the nearest place the editor has).</summary>
    public IEnumerable<Problem> ProblemsAt(string path) => Problems.Where(p => Anchor(p.Path) == path);

    /// <summary>Problems with no place on the form (shown in the summary only).</summary>
    public IEnumerable<Problem> Unplaced => Problems.Where(p => Anchor(p.Path).Length == 0);

    /// <summary>Where a problem is shown: releasability as one group; anything unknown at the top.</summary>
    public static string Anchor(string path) => path.StartsWith("releasableTo", StringComparison.Ordinal) ? "releasableTo" : path;
}
