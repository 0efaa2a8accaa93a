using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace ExercisePlanner.Web.Accounts;

/// <summary>
/// Password sign-in for the pages and the API. Two things Identity's own lockout gets wrong for us:
/// <list type="bullet">
/// <item>Its lockout counts failures per account, so anyone who knows a user name can lock its owner out.
/// Failures are counted here per account and address instead (<see cref="FailedSignIns"/>): a stranger
/// throttles only themselves; the owner, from their own address, still signs in.</item>
/// <item>An unknown name answered without hashing anything, in a few milliseconds against a hundred for a known
/// one: whether a name exists could be timed. An unknown name now costs the same hash.</item>
/// <item>In Production the demo password is refused like a wrong one, even for accounts made in Development.</item>
/// <item>A deactivated account is refused in the time a wrong password takes.</item>
/// </list>
/// </summary>
public sealed class PasswordSignIn(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, FailedSignIns failures, IHostEnvironment environment)
{
    public enum Outcome { SignedIn, Refused, Throttled }

    public async Task<Outcome> SignInAsync(string scheme, string name, string password, IPAddress? address)
    {
        var key = $"{name.ToUpperInvariant()}|{address}";
        if (!failures.MayTry(key)) return Outcome.Throttled;
        signIn.AuthenticationScheme = scheme;
        var account = await users.FindByNameAsync(name);
        if (account is null || Infrastructure.ProductionSettings.IsRefusedPassword(environment, password))
        {
            users.PasswordHasher.VerifyHashedPassword(Dummy, failures.DummyHash(users.PasswordHasher), password);
            failures.Count(key);
            return Outcome.Refused;
        }
        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded) return Outcome.SignedIn;
        // A deactivated account is refused before its password is checked: the hash costs the same time anyway.
        if (result.IsNotAllowed) users.PasswordHasher.VerifyHashedPassword(Dummy, failures.DummyHash(users.PasswordHasher), password);
        failures.Count(key);
        return Outcome.Refused;
    }

    private static readonly IdentityUser Dummy = new("no-such-user");
}

/// <summary>Failed sign-ins per account and address in this process: five per fifteen minutes, then that pair waits.</summary>
public sealed class FailedSignIns(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("Security:FailedSignInsPerAccountAndAddress", 5),
            Window = TimeSpan.FromMinutes(15),
        }));
    private string? _dummyHash;

    public bool MayTry(string key) => _limiter.AttemptAcquire(key, 0).IsAcquired;
    public void Count(string key) => _limiter.AttemptAcquire(key, 1).Dispose();

    /// <summary>A hash made with the configured hasher, so checking a password against it costs what a real check costs.</summary>
    public string DummyHash(IPasswordHasher<IdentityUser> hasher) =>
        _dummyHash ??= hasher.HashPassword(new IdentityUser("no-such-user"), Guid.NewGuid().ToString());

    public void Dispose() => _limiter.Dispose();
}
