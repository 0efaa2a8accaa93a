using ExercisePlanner.Core.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using static ExercisePlanner.Core.Audit.AuditedModel;

namespace ExercisePlanner.Web.Accounts;

/// <summary>
/// Sign-in accounts, their roles, claims, logins and tokens, and the keys that sign cookies and tokens: audited in
/// the planner's trail. Password hashes, security stamps and key material are recorded by digest, never copied.
/// </summary>
public static class AuditedAccounts
{
    public static AuditedModel Model { get; } = new(
    [
        Key<IdentityUser>(user => $"account/{user.UserName}"),
        Key<IdentityRole>(role => $"account-role/{role.Name}"),
        Key<IdentityUserRole<string>>(link => $"account/{link.UserId}/role/{link.RoleId}"),
        Key<IdentityUserClaim<string>>(claim => $"account/{claim.UserId}/claim/{claim.ClaimType}/{claim.ClaimValue}"),
        Key<IdentityUserLogin<string>>(login => $"account/{login.UserId}/login/{login.LoginProvider}/{login.ProviderKey}"),
        Key<IdentityUserToken<string>>(token => $"account/{token.UserId}/token/{token.LoginProvider}/{token.Name}"),
        Key<IdentityRoleClaim<string>>(claim => $"account-role/{claim.RoleId}/claim/{claim.ClaimType}/{claim.ClaimValue}"),
        Key<DataProtectionKey>(key => $"signing-key/{key.FriendlyName}"),
    ],
    property => (property.DeclaringType.ClrType, property.Name) is
        (_, nameof(IdentityUser.PasswordHash) or nameof(IdentityUser.SecurityStamp)) or (_, nameof(DataProtectionKey.Xml)),
    new Dictionary<Type, string> { [typeof(AuditEntry)] = "the trail itself, whose table the planner's context owns" });
}

/// <summary>What the sign-in accounts' saves need to write their audit entries: who acts, the clock and the key.</summary>
public sealed class AccountsAudit(AuditScope scope, TimeProvider clock, AuditKeyring keyring, IHttpContextAccessor? http = null)
{
    public Task AppendAsync(AccountsDbContext context, CancellationToken cancellationToken)
    {
        // Identity's writes do not pass through the mediator: the signed-in user and the request say who and what.
        var request = http?.HttpContext;
        var actor = request?.User.Identity?.Name ?? scope.Actor;
        var action = scope.Action is { Length: > 0 } named ? named : request is null ? "Accounts" : $"{request.Request.Method} {request.Request.Path}";
        return AuditTrail.AppendAsync(context, context.ChangeTracker.Entries().ToList(), AuditedAccounts.Model,
            new AuditScope { Actor = actor, Action = action }, clock.GetUtcNow(), keyring.Key, cancellationToken);
    }
}
