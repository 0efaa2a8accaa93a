using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>The API's proposal view, comparison of revisions and comments, as an approver uses them.</summary>
[Collection(WebCollection.Name)]
public sealed class DiscussionApiTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Requests_for_changes_comments_and_the_changes_of_revision_2_are_in_the_api()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        (await coordinator.PostAsync("/api/v1/proposals", Json(sample))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
        foreach (var approver in new[] { "jor.approver", "tur.approver", "pak.approver" })
        {
            var client = await web.ClientAsAsync(approver);
            var step = (await client.GetFromJsonAsync<JsonElement>("/api/v1/steps")).EnumerateArray().Single();
            var decision = approver == "tur.approver" ? "Approve" : "RequestChanges";
            (await client.PostAsync($"/api/v1/steps/{step.GetProperty("id").GetInt32()}/decision",
                Json($$"""{ "decision": "{{decision}}", "comment": "{{approver}}: more personnel." }"""))).EnsureSuccessStatusCode();
        }
        var pakistan = await web.ClientAsAsync("pak.approver");
        var commented = await pakistan.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/comments", Json("""{ "text": "Can Türkiye send 380?" }"""));
        Assert.Equal(HttpStatusCode.Created, commented.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pakistan.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/comments", Json("""{ "text": " " }"""))).StatusCode);

        (await coordinator.PutAsync("/api/v1/proposals/NORTHERN-BRIDGE-27", Json(sample.Replace("\"personnel\": 40", "\"personnel\": 380")))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();

        var jordan = await web.ClientAsAsync("jor.approver");
        var shown = await jordan.GetFromJsonAsync<JsonElement>("/api/v1/proposals/NORTHERN-BRIDGE-27");
        Assert.Equal((2, 1), (shown.GetProperty("viewedRevision").GetInt32(), shown.GetProperty("changesSince").GetInt32()));
        var requests = shown.GetProperty("rounds")[0].GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("status").GetString() == "ChangesRequested").Select(s => s.GetProperty("comment").GetString());
        Assert.Equal(["jor.approver: more personnel.", "pak.approver: more personnel."], requests);
        Assert.Equal("Can Türkiye send 380?", shown.GetProperty("comments")[0].GetProperty("text").GetString());
        var first = await jordan.GetFromJsonAsync<JsonElement>("/api/v1/proposals/NORTHERN-BRIDGE-27?revision=1");
        Assert.Equal(40, first.GetProperty("content").GetProperty("forces").EnumerateArray().Single(f => f.GetProperty("nation").GetString() == "TUR").GetProperty("personnel").GetInt32());

        var changes = await jordan.GetFromJsonAsync<JsonElement>("/api/v1/proposals/NORTHERN-BRIDGE-27/changes?from=1&to=2");
        var row = changes.GetProperty("lists")[0].GetProperty("rows")[0];
        Assert.Equal(("Changed", "40", "380"), (row.GetProperty("kind").GetString(),
            row.GetProperty("fields")[0].GetProperty("before").GetString(), row.GetProperty("fields")[0].GetProperty("after").GetString()));
        var missing = await jordan.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/changes?from=1&to=7");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("has no revision 7", await missing.Content.ReadAsStringAsync());
    }
}
