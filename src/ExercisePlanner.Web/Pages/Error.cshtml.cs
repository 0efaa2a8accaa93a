using ExercisePlanner.Core.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExercisePlanner.Web.Pages;

/// <summary>
/// What a person sees instead of a bare status on a page route (the API keeps its problem details):
/// re-executed for empty 403/404 responses and for anything thrown while making a page.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    [FromRoute] public int? Status { get; set; }

    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet() => Describe();
    public void OnPost() => Describe();

    private void Describe()
    {
        var status = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error switch
        {
            NotFoundException => 404,
            ForbiddenException => 403,
            null => Status ?? 500,
            _ => 500,
        };
        Response.StatusCode = status;
        (Title, Explanation) = status switch
        {
            404 => ("Page not found", "There is no page at this address, or it shows a proposal your nation does not take part in. Check the address, or find the proposal on your dashboard."),
            403 => ("You cannot use this page", "Your role does not allow it. If your work needs it, ask an administrator to give you the role."),
            >= 500 => ("Something went wrong", $"The planner could not finish this, and nothing was changed. Try again in a moment; if it happens again, tell your administrator it was at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC."),
            _ => ("This request could not be handled", "Go back, check what you entered and try again."),
        };
    }
}
