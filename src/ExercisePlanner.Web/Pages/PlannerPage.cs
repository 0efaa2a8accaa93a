using ExercisePlanner.Core.Domain;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExercisePlanner.Web.Pages;

/// <summary>Base of the pages: they only send mediator requests as the signed-in user and show refusals as messages.</summary>
public abstract class PlannerPage(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;
    protected string Actor => User.Identity?.Name ?? throw new ForbiddenException("not signed in");

    public IReadOnlyList<Problem> Problems { get; protected set; } = [];
    public string? Message { get; set; }

    /// <summary>Runs a request; a refusal becomes messages on the page (inline for validation problems).</summary>
    protected async Task<IActionResult> Attempt(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidInputException ex) { Problems = ex.Problems; }
        catch (ForbiddenException ex) { Problems = [new Problem("", ex.Message)]; }
        catch (ConflictException ex) { Problems = [new Problem("", ex.Message)]; }
        catch (NotFoundException ex) { Problems = [new Problem("", ex.Message)]; }
        catch (Core.Features.Workflows.UnstaffedException ex) { Problems = [new Problem("", ex.Message)]; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnRefusedAsync();
        return Page();
    }

    /// <summary>Whether the signed-in user may act for the proposal's coordinator (they are, or an admin); a proposal they cannot see is not found.</summary>
    protected async Task<bool> CoordinatesAsync(string code)
    {
        var proposal = await Mediator.Send(new Core.Features.Proposals.EditProposal(code, Actor));
        return proposal.Coordinator == Actor || Core.Features.Users.UserAbilities.IsAdmin(await Mediator.Send(new Core.Features.Users.ShowUser(Actor)));
    }

    /// <summary>Reloads what the page shows after a refused post.</summary>
    protected virtual Task OnRefusedAsync() => Task.CompletedTask;
}
