using System.Net;
using System.Net.Http.Json;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Web.Accounts;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Web;

/// <summary>Issue 11, finding 9: sign-in accounts and their roles are audited in the same keyed chain as the planner's records.</summary>
[Collection(WebCollection.Name)]
public sealed class AccountAuditTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = web.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Creating_an_account_and_changing_its_password_are_audited_by_digest_and_verify()
    {
        var approver = await web.ClientAsAsync("jor.approver");
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = WebFixture.Password, newPassword = "Brand-New-Secret-7" })).StatusCode);

        var entries = await WithScopeAsync(s => s.GetRequiredService<PlannerDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == "account/jor.approver").OrderBy(e => e.Sequence).ToListAsync());
        var hash = await WithScopeAsync(async s => (await s.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync("jor.approver"))!.PasswordHash!);

        var added = entries.First();
        Assert.Equal(("IdentityUser", "Added", "admin", "POST /api/v1/users"), (added.EntityType, added.Change, added.Actor, added.Action));
        var changed = entries.Last(e => e.After!.Contains("\"PasswordHash\""));
        Assert.Equal(("Modified", "jor.approver", "POST /api/v1/auth/password"), (changed.Change, changed.Actor, changed.Action));
        Assert.Contains($"\"PasswordHash\":\"{ContentDigest.Of(hash)}\"", changed.After);
        Assert.All(entries, e => Assert.DoesNotContain(hash, (e.Before ?? "") + e.After));

        (await WithScopeAsync(s => s.GetRequiredService<IMediator>().Send(new VerifyAudit()).AsTask())).AssertIntact();
    }

    [Fact]
    public async Task Every_table_of_the_sign_in_accounts_is_audited_or_says_why_not()
    {
        var model = await WithScopeAsync(s => Task.FromResult(s.GetRequiredService<AccountsDbContext>().Model));
        Assert.Empty(ExercisePlanner.Tests.Audit.AuditCoverageTests.Uncovered(model, AuditedAccounts.Model));
        Assert.Contains(typeof(IdentityUserRole<string>), AuditedAccounts.Model.Audited);
    }
}
