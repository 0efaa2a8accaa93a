using ExercisePlanner.Core.Domain;
using ExercisePlanner.Web.Accounts;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Account;

/// <summary>A signed-in user changes their password; every other session and token of theirs ends, this one goes on.</summary>
public sealed class PasswordModel(IMediator mediator, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : PlannerPage(mediator)
{
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    public bool Changed { get; private set; }

    public void OnGet() { }

    public Task<IActionResult> OnPostAsync() => Attempt(async () =>
    {
        var account = await Accounts.Accounts.AccountOfAsync(users, Actor);
        Accounts.Accounts.Succeed(await users.ChangePasswordAsync(account, CurrentPassword, NewPassword));
        await signIn.RefreshSignInAsync(account);
        Changed = true;
        return Page();
    });
}
