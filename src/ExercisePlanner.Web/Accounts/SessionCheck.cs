using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace ExercisePlanner.Web.Accounts;

/// <summary>
/// Ends sessions on the server: a sign-in cookie or bearer token is accepted only while the account's security
/// stamp is the one it was issued with. Identity changes the stamp on a password change or reset, and sign-out
/// changes it too, so a copied cookie or a token issued before stops working at once. Identity's own validator
/// re-checks cookies only every 30 minutes and bearer tokens never; this checks every request (one indexed read).
/// Runs right after authentication: a stale caller becomes anonymous, so the API answers 401 and pages ask to sign in.
/// </summary>
internal static class SessionCheck
{
    public static async Task Apply(HttpContext context, RequestDelegate next)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && await context.RequestServices.GetRequiredService<SignInManager<IdentityUser>>().ValidateSecurityStampAsync(context.User) is null)
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next(context);
    }
}
