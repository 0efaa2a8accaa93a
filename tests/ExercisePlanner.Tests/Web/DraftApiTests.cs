using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>POST creates only (409 on an existing code), PUT updates only, at the ETag's version when If-Match names one (412).</summary>
[Collection(WebCollection.Name)]
public sealed class DraftApiTests(WebFixture web) : IAsyncLifetime
{
    private static readonly string Sample = File.ReadAllText(Samples.ProposalFile);
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_creates_once_and_never_overwrites()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var created = await coordinator.PostAsync("/api/v1/proposals", Json(Sample));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/proposals/NORTHERN-BRIDGE-27", created.Headers.Location?.ToString());
        var before = await web.Database.FingerprintAsync();

        var again = await coordinator.PostAsync("/api/v1/proposals", Json(Sample.Replace("Northern Bridge 2027", "Overwritten")));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal("NORTHERN-BRIDGE-27 already exists: open it", (await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, await web.Database.FingerprintAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsync("/api/v1/proposals/NOT-YET-27", Json(Sample.Replace("NORTHERN-BRIDGE-27", "NOT-YET-27")))).StatusCode);
    }

    [Fact]
    public async Task Put_with_a_stale_etag_is_refused_with_412()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", Json(Sample))).EnsureSuccessStatusCode();
        var read = (await coordinator.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27")).Headers.ETag!;

        var first = new HttpRequestMessage(HttpMethod.Put, "/api/v1/proposals/NORTHERN-BRIDGE-27") { Content = Json(Sample.Replace("Northern Bridge 2027", "First edit")) };
        first.Headers.IfMatch.Add(read);
        var updated = await coordinator.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(read, updated.Headers.ETag);
        var before = await web.Database.FingerprintAsync();

        var second = new HttpRequestMessage(HttpMethod.Put, "/api/v1/proposals/NORTHERN-BRIDGE-27") { Content = Json(Sample.Replace("Northern Bridge 2027", "Second edit")) };
        second.Headers.IfMatch.Add(read);
        var stale = await coordinator.SendAsync(second);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await web.Database.FingerprintAsync());
    }
}
