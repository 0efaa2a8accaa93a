using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Web;

/// <summary>Issue 11, finding 1 over HTTP: list limits as problem details, and sign-in's writes queue behind a long write.</summary>
[Collection(WebCollection.Name)]
public sealed class WriterQueueTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_list_over_its_limit_is_a_problem_naming_the_list_and_the_limit()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var huge = LargestProposal.Over("HUGE-27", new DateOnly(2027, 9, 6), 20_000);
        var response = await coordinator.PutAsJsonAsync("/api/v1/proposals/HUGE-27", huge, JsonFormat.Output);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Participating nations: lists 20000 entries; at most 50 are allowed", errors.GetProperty("participants")[0].GetString());
        Assert.Equal("Points of contact: lists 20000 entries; at most 100 are allowed", errors.GetProperty("contacts")[0].GetString());
    }

    [Fact]
    public async Task A_sign_in_account_write_waits_for_a_write_longer_than_the_database_busy_timeout_instead_of_failing()
    {
        var approver = await web.ClientAsAsync("jor.approver");
        await using var scope = web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();

        Task<HttpResponseMessage> change;
        await using (await db.BeginWriteAsync(CancellationToken.None))
        {
            // A password change writes to the sign-in accounts: it must queue, not give up after SQLite's 30 s.
            change = approver.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = WebFixture.Password, newPassword = "Brand-New-Secret-7" });
            await Task.Delay(TimeSpan.FromSeconds(Database.BusyTimeoutSeconds + 1));
            Assert.False(change.IsCompleted, "the account was written while another writer held the lock");
        }
        Assert.Equal(HttpStatusCode.NoContent, (await change).StatusCode);
    }
}
