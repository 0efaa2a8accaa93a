using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>The dry run's unstaffed steps, the refused submission (422) and reassignment of a stuck step, through the API and on the pages.</summary>
[Collection(WebCollection.Name)]
public sealed class StaffingApiTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A user taken off the planner's records (there is no command for it; an account removed, a role taken away).</summary>
    private Task RemoveUserAsync(string name) => web.Database.ExecuteAsync($"""DELETE FROM "Users" WHERE "Name" = '{name}'""");

    private async Task AddUserAsync(string name, string nation, string role)
    {
        var admin = await web.ClientAsAsync("admin");
        var added = await admin.PostAsJsonAsync("/api/v1/users", new { name, nation, roles = new[] { role }, title = "Liaison Officer", displayName = "Lt Col Asif Khan", password = WebFixture.Password });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_plan_names_unstaffed_steps_and_submission_is_refused_with_422_naming_each_until_someone_holds_the_role()
    {
        await RemoveUserAsync("jor.legal");
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", Json(File.ReadAllText(Samples.ProposalFile)))).EnsureSuccessStatusCode();
        var fingerprint = await web.Database.FingerprintAsync();

        var plan = await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/proposals/NORTHERN-BRIDGE-27/plan");
        var missing = Assert.Single(plan.GetProperty("unstaffed").EnumerateArray());
        Assert.Equal(("JOR", "legal-advisor", "No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review)"),
            (missing.GetProperty("nation").GetString(), missing.GetProperty("role").GetString(), missing.GetProperty("sentence").GetString()));
        Assert.Equal(["admin"], plan.GetProperty("administrators").EnumerateArray().Select(a => a.GetString()));

        var refused = await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Equal("NORTHERN-BRIDGE-27 cannot be submitted: No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review). " +
                     "Ask your administrator, admin, to add a user for each.", problem.GetProperty("detail").GetString());
        Assert.Equal(["JOR legal-advisor"], problem.GetProperty("missing").EnumerateArray().Select(m => $"{m.GetProperty("nation")} {m.GetProperty("role")}"));
        Assert.Equal(fingerprint, await web.Database.FingerprintAsync());
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("1 thing to fix before you can submit", page);
        Assert.Contains("No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review).", page);
        Assert.Contains("Ask your administrator, admin, to add a user for each.", page);
        Assert.DoesNotContain("id=\"submit\"", page); // no button that can only be refused: the page says why instead
        Assert.Contains("Not ready to submit yet.</strong> The Submit button appears here once an administrator has added someone for each step named above.", page);

        await AddUserAsync("jor.counsel", "JOR", "legal-advisor");
        Assert.Empty((await coordinator.GetFromJsonAsync<JsonElement>("/api/v1/proposals/NORTHERN-BRIDGE-27/plan")).GetProperty("unstaffed").EnumerateArray());
        page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("id=\"submit\"", page);
        Assert.DoesNotContain("Not ready to submit yet", page);
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_administrator_lists_a_stuck_step_and_gives_it_to_a_user_of_its_nation_who_decides_it()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", Json(File.ReadAllText(Samples.ProposalFile)))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
        var admin = await web.ClientAsAsync("admin");
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/steps/undecidable")).EnumerateArray());
        await RemoveUserAsync("pak.approver");
        await AddUserAsync("pak.liaison", "PAK", "logistics-officer");

        var stuck = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/steps/undecidable")).EnumerateArray());
        Assert.Equal(("NORTHERN-BRIDGE-27", "Northern Bridge 2027", "National review", "PAK", "No one in Pakistan (PAK) holds the national approver role."),
            (stuck.GetProperty("proposal").GetString(), stuck.GetProperty("proposalName").GetString(), stuck.GetProperty("stageName").GetString(),
             stuck.GetProperty("nation").GetString(), stuck.GetProperty("why").GetString()));
        Assert.Equal(["pak.liaison", "pak.chief"], stuck.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var id = stuck.GetProperty("id").GetInt32();
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/steps/undecidable"));
        foreach (var words in new[] { "Northern Bridge 2027", "National review for Pakistan (PAK), waiting for a national approver.",
                     "No one in Pakistan (PAK) holds the national approver role.", "Waiting since 11 Jan 2027, 09:00 UTC", "<option value=\"pak.liaison\">Lt Col Asif Khan" })
            Assert.Contains(words, page);
        Assert.DoesNotContain("national-approver", page);

        var wrong = await admin.PostAsync($"/api/v1/steps/{id}/reassignment", Json("""{ "to": "jor.approver" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/steps/999999/reassignment", Json("""{ "to": "pak.liaison" }"""))).StatusCode);
        var given = await admin.PostAsync($"/api/v1/steps/{id}/reassignment", Json("""{ "to": "pak.liaison" }"""));
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Equal("pak.liaison", (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignee").GetString());

        var liaison = await web.ClientAsAsync("pak.liaison");
        Assert.Equal([id], (await liaison.GetFromJsonAsync<JsonElement>("/api/v1/steps")).EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
        // The liaison officer decides on the approver's behalf, and the page says who gave them the step: not "as national approver".
        var form = WebUtility.HtmlDecode(await liaison.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("National review for Pakistan (PAK), on behalf of the national approver (a role you do not hold): given to you by administrator admin on 11 Jan 2027; due", form);
        Assert.DoesNotContain("as national approver", form);
        var coordinatorPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("Given to Lt Col Asif Khan by administrator admin on 11 Jan 2027", coordinatorPage);
        Assert.DoesNotContain("delegated to", coordinatorPage);
        (await liaison.PostAsync($"/api/v1/steps/{id}/decision", Json("""{ "decision": "Approve", "comment": "Pakistan concurs." }"""))).EnsureSuccessStatusCode();
        // Once decided, the step still says how the decider came to it.
        Assert.Contains("Given to Lt Col Asif Khan by administrator admin on 11 Jan 2027", WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27")));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/steps/undecidable")).EnumerateArray());
    }
}
