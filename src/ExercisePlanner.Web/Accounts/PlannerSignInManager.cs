using ExercisePlanner.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExercisePlanner.Web.Accounts;

/// <summary>
/// Identity's sign-in, refusing users an administrator deactivated in the planner (from the web or the command line,
/// which has no sign-in accounts to touch): a password sign-in fails like a wrong password, and the per-request
/// security stamp check (<see cref="SessionCheck"/>) turns their cookies and bearer tokens away at once.
/// </summary>
public sealed class PlannerSignInManager(
    UserManager<IdentityUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<IdentityUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation, PlannerDbContext planner)
    : SignInManager<IdentityUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(IdentityUser user) => await base.CanSignInAsync(user) && !await IsDeactivatedAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(IdentityUser? user, string? securityStamp) =>
        await base.ValidateSecurityStampAsync(user, securityStamp) && !await IsDeactivatedAsync(user!);

    // One indexed read by name; the context's filter hides deactivated users, so this one asks past it.
    private Task<bool> IsDeactivatedAsync(IdentityUser user) =>
        planner.Users.IgnoreQueryFilters().AnyAsync(u => u.Name == user.UserName && u.DeactivatedAt != null);
}
