using ExercisePlanner.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ExercisePlanner.Web.Pages;

[EnableRateLimiting(WebSetup.LoginLimit)]
public sealed class LoginModel(PasswordSignIn signIn) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public bool Failed { get; private set; }
    public bool Throttled { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        var outcome = await signIn.SignInAsync(IdentityConstants.ApplicationScheme, UserName, Password, HttpContext.Connection.RemoteIpAddress);
        if (outcome == PasswordSignIn.Outcome.SignedIn) return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        Failed = true;
        Throttled = outcome == PasswordSignIn.Outcome.Throttled;
        Response.StatusCode = Throttled ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized;
        return Page();
    }
}
