using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class WebApiTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_second_node_on_the_same_database_accepts_the_first_nodes_tokens()
    {
        var approver = await web.ClientAsAsync("jor.approver");
        await using var secondNode = web.WithWebHostBuilder(_ => { });
        using var client = secondNode.CreateClient();
        client.DefaultRequestHeaders.Authorization = approver.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/steps")).StatusCode);
        // The key that signed the token is in the shared database, not in a node's own folder.
        await using var scope = web.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<ExercisePlanner.Web.Accounts.AccountsDbContext>()
            .DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task A_proposal_goes_from_draft_to_approved_pdfs_over_the_api()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/v1/proposals", Json(sample))).StatusCode);
        var submitted = await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null);
        Assert.Equal("Submitted", (await ReadAsync(submitted)).GetProperty("status").GetString());

        // National review: one step per contributing nation, each decided by its own approver.
        foreach (var approver in new[] { "jor.approver", "tur.approver", "pak.approver" })
        {
            var client = await web.ClientAsAsync(approver);
            var inbox = (await ReadAsync(await client.GetAsync("/api/v1/steps"))).EnumerateArray().ToList();
            var step = Assert.Single(inbox);
            var decided = await client.PostAsync($"/api/v1/steps/{step.GetProperty("id").GetInt32()}/decision",
                Json("""{ "decision": "Approve", "comment": "Concur." }"""));
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }
        var shown = await ReadAsync(await coordinator.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27"));
        Assert.Equal("host-nation-review", shown.GetProperty("workflow").GetProperty("currentStage").GetString());

        var plan = await coordinator.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan");
        Assert.Equal("application/pdf", plan.Content.Headers.ContentType!.MediaType);
        var bytes = await plan.Content.ReadAsByteArrayAsync();
        Assert.Contains("Northern Bridge 2027", Pdf.PageTexts(bytes)[0]);
        var revision = await coordinator.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan?revision=1");
        Assert.Equal("NORTHERN-BRIDGE-27-r1-plan.pdf", revision.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("Revision 1 · Submitted", Pdf.PageTexts(await revision.Content.ReadAsByteArrayAsync())[0]);
        var missing = await coordinator.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan?revision=2");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Errors_are_problem_details_with_validation_problems_keyed_by_field()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);

        var invalid = await coordinator.PutAsync("/api/v1/proposals/NORTHERN-BRIDGE-27", Json(sample.Replace("\"percent\": 20", "\"percent\": 25")));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        var problem = await ReadAsync(invalid);
        Assert.True(problem.TryGetProperty("errors", out _), problem.ToString());
        Assert.Equal("Cost shares: the non-observer nations add up to 105 %, they must add up to 100 %",
            problem.GetProperty("errors").GetProperty("costShares")[0].GetString());

        var unknown = await coordinator.PutAsync("/api/v1/proposals/NORTHERN-BRIDGE-27", Json(sample.Replace("\"summary\"", "\"sumary\"")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("sumary", (await ReadAsync(unknown)).GetProperty("detail").GetString());

        var malformed = await coordinator.PutAsync("/api/v1/proposals/NORTHERN-BRIDGE-27", Json("{ not json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/v1/proposals/NO-SUCH-CODE")).StatusCode);
        var body = await (await coordinator.GetAsync("/api/v1/proposals/NO-SUCH-CODE")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body); // no stack trace
    }

    [Fact]
    public async Task Decisions_conflict_refuse_outsiders_and_the_coordinator()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", Json(File.ReadAllText(Samples.ProposalFile)))).EnsureSuccessStatusCode();
        await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null);
        var jordan = await web.ClientAsAsync("jor.approver");
        var step = (await ReadAsync(await jordan.GetAsync("/api/v1/steps")))[0].GetProperty("id").GetInt32();
        var approve = Json("""{ "decision": "Approve", "comment": "Concur." }""");

        Assert.Equal(HttpStatusCode.Forbidden, (await (await web.ClientAsAsync("pak.approver")).PostAsync($"/api/v1/steps/{step}/decision", approve)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"/api/v1/steps/{step}/decision", approve)).StatusCode);
        var noComment = await jordan.PostAsync($"/api/v1/steps/{step}/decision", Json("""{ "decision": "Approve", "comment": "" }"""));
        Assert.Equal("a decision needs a comment", (await ReadAsync(noComment)).GetProperty("errors").GetProperty("comment")[0].GetString());

        var first = jordan.PostAsync($"/api/v1/steps/{step}/decision", Json("""{ "decision": "Approve", "comment": "Concur." }"""));
        var second = jordan.PostAsync($"/api/v1/steps/{step}/decision", Json("""{ "decision": "Reject", "comment": "No." }"""));
        var statuses = (await Task.WhenAll(first, second)).Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
    }

    [Fact]
    public async Task Workflow_definitions_are_listed_and_checked_over_the_api()
    {
        var client = await web.ClientAsAsync("jor.approver");
        var list = await ReadAsync(await client.GetAsync("/api/v1/workflows"));
        Assert.Equal(["exercise-amendment", "exercise-approval", "hadr-fast-track"], list.EnumerateArray().Select(w => w.GetProperty("id").GetString()));

        var checkedDefinition = await ReadAsync(await client.PostAsync("/api/v1/workflows/validation", Json("""{ "id": "Bad Id", "version": 0, "name": "x", "stages": [] }""")));
        Assert.False(checkedDefinition.GetProperty("valid").GetBoolean());
        Assert.Contains(checkedDefinition.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString() == "$.version");
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_login_is_rate_limited()
    {
        var anonymous = await web.ClientAsAsync(null);
        var response = await anonymous.GetAsync("/api/v1/proposals");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());

        var page = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);

        await using var strict = web.WithWebHostBuilder(builder => builder.UseSetting("Security:LoginsPerMinute", "10"));
        var guesser = strict.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add((await guesser.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "wrong-password" })).StatusCode);
        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
