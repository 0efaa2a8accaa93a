using System.Security.Claims;
using ExercisePlanner.Core.Domain;
using Microsoft.AspNetCore.Identity;
using static ExercisePlanner.Web.Accounts.Accounts;

namespace ExercisePlanner.Web.Api;

/// <summary>Sign-out, password change and an administrator's password reset (ASP.NET Core Identity; no planner state changes).</summary>
public static class AccountEndpoints
{
    public sealed record PasswordChange(string CurrentPassword, string NewPassword);
    public sealed record PasswordReset(string Password);

    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapPost("/auth/signout", async (UserManager<IdentityUser> users, ClaimsPrincipal user) =>
        {
            await users.UpdateSecurityStampAsync(await AccountOfAsync(users, NameOf(user)));
            return Results.NoContent();
        }).WithSummary("Sign out everywhere: every bearer token and sign-in cookie of the user stops working");

        api.MapPost("/auth/password", async (PasswordChange body, UserManager<IdentityUser> users, ClaimsPrincipal user) =>
        {
            var account = await AccountOfAsync(users, NameOf(user));
            Succeed(await users.ChangePasswordAsync(account, body.CurrentPassword ?? "", body.NewPassword ?? ""));
            return Results.NoContent();
        }).WithSummary("Change your password; every token and cookie issued before stops working");

        api.MapPut("/users/{name}/password", async (string name, PasswordReset body, UserManager<IdentityUser> users) =>
        {
            var account = await users.FindByNameAsync(name) ?? throw new NotFoundException($"no sign-in account '{name}'");
            Succeed(await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), body.Password ?? ""));
            return Results.NoContent();
        }).RequireAuthorization(WebSetup.AdminPolicy).WithSummary("Set a user's password (administrators); the user's sessions end");
    }
}
