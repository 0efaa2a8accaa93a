using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace ExercisePlanner.Web.Accounts;

internal static class Accounts
{
    /// <summary>Checks a password against the configured rules before anything is created.</summary>
    public static async Task RequireValidPasswordAsync(UserManager<IdentityUser> users, string name, string password)
    {
        var problems = new List<Problem>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new IdentityUser(name), password);
            problems.AddRange(result.Errors.Select(e => new Problem("password", e.Description)));
        }
        if (problems.Count > 0) throw new InvalidInputException(problems);
    }

    /// <summary>Creates the sign-in account for a planner user.</summary>
    public static async Task<IdentityUser> CreateAsync(UserManager<IdentityUser> users, string name, string password)
    {
        var account = new IdentityUser(name);
        Succeed(await users.CreateAsync(account, password));
        return account;
    }

    /// <summary>
    /// Voids every cookie and bearer token of a deactivated user. The planner's record already refuses them on every request
    /// (<see cref="PlannerSignInManager"/>); a new security stamp also voids them whatever becomes of the record later.
    /// A user added on the command line has no sign-in account.
    /// </summary>
    public static async Task EndSessionsAsync(UserManager<IdentityUser> users, string name)
    {
        if (await users.FindByNameAsync(name) is { } account) Succeed(await users.UpdateSecurityStampAsync(account));
    }

    public static async Task<IdentityUser> AccountOfAsync(UserManager<IdentityUser> users, string name) =>
        await users.FindByNameAsync(name) ?? throw new ForbiddenException($"{name} has no sign-in account");

    /// <summary>Identity's refusals (a wrong current password, a password too weak) as problems with the password.</summary>
    public static void Succeed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidInputException(result.Errors.Select(e => new Problem(e.Code switch
            {
                "PasswordMismatch" => "currentPassword",
                _ when e.Code.Contains("UserName", StringComparison.Ordinal) => "name",
                _ => "password",
            }, e.Description)).ToList());
    }

    public static string NameOf(System.Security.Claims.ClaimsPrincipal principal) =>
        principal.Identity?.Name ?? throw new ForbiddenException("not signed in");

    public static AddUser AsAddUser(this NewUser user, string actor) => new(user.Name, user.Nation, user.Roles, user.Title ?? "", actor) { DisplayName = user.DisplayName ?? "" };
}

/// <summary>An administrator's request for a new user with a sign-in account.</summary>
public sealed record NewUser(string Name, string Nation, IReadOnlyList<string> Roles, string? Title, string Password, string? DisplayName = null);
