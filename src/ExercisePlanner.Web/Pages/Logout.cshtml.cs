using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ExercisePlanner.Web.Pages;

public sealed class LogoutModel(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>Ends the session on the server too (a new security stamp, see SessionCheck): a copy of the cookie is refused.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } account) await users.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
