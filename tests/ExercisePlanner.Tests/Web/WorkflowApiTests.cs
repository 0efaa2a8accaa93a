using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>
/// Publishing and migrating over the API, with two nodes on one database. A host of its own: published versions stay
/// in the database between tests (Respawn keeps the definitions), so they must not reach the other web tests.
/// </summary>
public sealed class WorkflowApiTests : IAsyncLifetime
{
    private readonly WebFixture _web = new();

    public async Task InitializeAsync()
    {
        await _web.InitializeAsync();
        await _web.ResetAsync();
    }

    public Task DisposeAsync() => _web.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int> SubmitAsync(HttpClient coordinator, string code)
    {
        var sample = File.ReadAllText(Samples.ProposalFile).Replace("NORTHERN-BRIDGE-27", code);
        await ReadAsync(await coordinator.PostAsync("/api/v1/proposals", Json(sample)));
        await ReadAsync(await coordinator.PostAsync($"/api/v1/proposals/{code}/submission", null));
        return (await ReadAsync(await coordinator.GetAsync($"/api/v1/proposals/{code}"))).GetProperty("workflow").GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task A_version_published_through_the_api_is_used_by_the_next_submission_on_another_node_and_running_ones_migrate_on_request()
    {
        int shipped = Definitions.ShippedVersion, next = shipped + 1;
        var admin = await _web.ClientAsAsync("admin");
        var coordinator = await _web.ClientAsAsync("tur.coordinator");
        Assert.Equal(shipped, await SubmitAsync(coordinator, "NORTHERN-BRIDGE-27"));
        // A second node on the same database, started before the publication and never restarted.
        await using var secondNode = _web.WithWebHostBuilder(_ => { });
        using var other = secondNode.CreateClient();
        other.DefaultRequestHeaders.Authorization = coordinator.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync("/api/v1/workflows", Json(Definitions.SignOffOnly()))).StatusCode);
        var saved = await admin.PostAsync("/api/v1/workflows", Json(Definitions.SignOffOnly()));
        Assert.Equal((HttpStatusCode.Created, $"/api/v1/workflows/exercise-approval/versions/{next}"), (saved.StatusCode, saved.Headers.Location!.OriginalString));
        Assert.False((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("published").GetBoolean());
        var published = await ReadAsync(await admin.PostAsync($"/api/v1/workflows/exercise-approval/versions/{next}/publication", null));
        Assert.True(published.GetProperty("published").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/workflows/exercise-approval/versions/{next}/publication", null)).StatusCode);

        Assert.Equal(next, await SubmitAsync(other, "SOUTHERN-GATE-27"));
        var running = await ReadAsync(await other.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27"));
        Assert.Equal(shipped, running.GetProperty("workflow").GetProperty("version").GetInt32());

        // The next version has no national review: the running approval needs a stage map.
        var dryRun = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/workflows/exercise-approval/migrations", new { from = shipped, to = next, dryRun = true }));
        Assert.Contains($"stage 'national-review' is not in version {next}", dryRun.GetProperty("instances")[0].GetProperty("refusal").GetString());
        var refused = await admin.PostAsJsonAsync("/api/v1/workflows/exercise-approval/migrations", new { from = shipped, to = next, dryRun = false });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var migrated = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/workflows/exercise-approval/migrations",
            new { from = shipped, to = next, map = new Dictionary<string, string> { ["national-review"] = "final-sign-off" }, dryRun = false }));
        Assert.True(migrated.GetProperty("migrated").GetBoolean());
        var moved = await ReadAsync(await other.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27"));
        Assert.Equal((next, "final-sign-off"), (moved.GetProperty("workflow").GetProperty("version").GetInt32(), moved.GetProperty("workflow").GetProperty("currentStage").GetString()));
    }
}
