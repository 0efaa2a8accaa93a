using System.Security.Claims;
using ExercisePlanner.Core.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Identity;
using static ExercisePlanner.Web.Accounts.Accounts;

namespace ExercisePlanner.Web.Api;

/// <summary>For administrators: the users, deactivating one, giving a role and taking it away.</summary>
public static class UserEndpoints
{
    public sealed record RoleRequest(string Role);

    public static void MapUserApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").RequireAuthorization(WebSetup.AdminPolicy);

        api.MapGet("/", (IMediator m, ClaimsPrincipal user) => m.Send(new ListUsers(NameOf(user))))
            .WithSummary("Every user, deactivated ones included (deactivatedAt), by nation and name");
        api.MapPost("/{name}/deactivation", async (string name, IMediator m, UserManager<IdentityUser> accounts, ClaimsPrincipal user) =>
            {
                var deactivated = await m.Send(new DeactivateUser(name, NameOf(user)));
                await EndSessionsAsync(accounts, name);
                return deactivated;
            })
            .WithSummary("Deactivate a user: they can no longer sign in, their sessions and tokens stop working at once, steps handed to them return to the Stuck-steps list");
        api.MapPost("/{name}/roles", (string name, RoleRequest body, IMediator m, ClaimsPrincipal user) =>
                m.Send(new SetUserRole(name, body.Role ?? "", Holds: true, NameOf(user))))
            .WithSummary("Give a user a role");
        api.MapDelete("/{name}/roles/{role}", (string name, string role, IMediator m, ClaimsPrincipal user) =>
                m.Send(new SetUserRole(name, role, Holds: false, NameOf(user))))
            .WithSummary("Take a role away from a user; steps of that role delegated to them return to the role's other holders");
    }
}
