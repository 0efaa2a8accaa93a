using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>The proposal page as an approver reads it: the content in words, any revision, and the decision form with delegation.</summary>
[Collection(WebCollection.Name)]
public sealed class ProposalPageTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_approver_reads_the_content_in_words_and_may_hand_the_step_to_a_colleague()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(sample, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
        var jordan = await web.ClientAsAsync("jor.approver");

        var page = WebUtility.HtmlDecode(await jordan.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));

        Assert.Contains("Your decision on Northern Bridge 2027 (NORTHERN-BRIDGE-27), revision 1", page);
        Assert.Contains("<option value=\"jor.deputy\">", page);
        Assert.DoesNotContain("<option value=\"jor.approver\">", page);
        foreach (var words in new[] { "Jordan (JOR)", "Türkiye (TUR)", "Malaysia (MYS)", "observer", "Logistics Command staff", "Waiting for a decision", "national approver", "UTC" })
            Assert.Contains(words, page);
        Assert.Contains("approval chain: Exercise approval, version", page); // the workflow by its name, not its id
        foreach (var code in new[] { "WaitingForDecision", "NationalApprover", "national-approver<", "P14D", "WorkflowStep", "exercise-approval" })
            Assert.DoesNotContain(code, page);
        Assert.Equal(HttpStatusCode.OK, (await jordan.GetAsync("/proposals/NORTHERN-BRIDGE-27?revision=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jordan.GetAsync("/proposals/NORTHERN-BRIDGE-27?revision=2")).StatusCode);
        var coordinatorPage = await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27");
        Assert.DoesNotContain("id=\"decide-", coordinatorPage);
        Assert.DoesNotContain("id=\"delegate-", coordinatorPage);
    }

    [Fact]
    public async Task A_step_handed_to_a_colleague_says_by_whom_and_when_on_the_page_and_in_the_colleagues_decision_form()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(File.ReadAllText(Samples.ProposalFile), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
        var jordan = await web.ClientAsAsync("jor.approver");
        var step = (await jordan.GetFromJsonAsync<JsonElement>("/api/v1/steps?proposal=NORTHERN-BRIDGE-27")).EnumerateArray().Single().GetProperty("id").GetInt32();
        (await jordan.PostAsJsonAsync($"/api/v1/steps/{step}/delegation", new { to = "jor.deputy" })).EnsureSuccessStatusCode();

        var deputyPage = WebUtility.HtmlDecode(await (await web.ClientAsAsync("jor.deputy")).GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("National review for Jordan (JOR), as national approver: handed to you by jor.approver on 11 Jan 2027; due", deputyPage);
        var coordinatorPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("Handed to jor.deputy by jor.approver on 11 Jan 2027", coordinatorPage);
        Assert.DoesNotContain("delegated to", coordinatorPage);
        // One column says who decided a step, or who it waits for: its header fits both.
        Assert.Contains("<th>Decider</th>", coordinatorPage);
        Assert.Contains("<td data-label=\"Decider\">", coordinatorPage);
        Assert.DoesNotContain("Decided by", coordinatorPage);
        Assert.DoesNotContain("can no longer sign in", coordinatorPage);

        // The deputy leaves: the step still says how it came to them, and that it now waits for an administrator.
        (await (await web.ClientAsAsync("admin")).PostAsync("/api/v1/users/jor.deputy/deactivation", null)).EnsureSuccessStatusCode();
        coordinatorPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("Handed to jor.deputy by jor.approver on 11 Jan 2027", coordinatorPage);
        Assert.Contains("jor.deputy can no longer sign in: an administrator can give the step to someone else.", coordinatorPage);
    }

    [Fact]
    public async Task A_coordinator_whose_role_was_taken_away_is_told_why_and_offered_nothing_the_server_would_refuse()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(File.ReadAllText(Samples.ProposalFile), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var before = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains("href=\"/proposals/edit/NORTHERN-BRIDGE-27\">Edit</a>", before);
        Assert.Contains("id=\"submission-checklist\"", before);
        Assert.DoesNotContain("id=\"not-coordinator\"", before);

        var admin = await web.ClientAsAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/users/tur.coordinator/roles", new { role = "liaison-officer" })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/v1/users/tur.coordinator/roles/coordinator")).EnsureSuccessStatusCode();

        const string Why = "You drafted this proposal but no longer hold the coordinator role, so you cannot edit, submit, withdraw, reopen or amend it. An administrator can give the role back.";
        var after = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27"));
        Assert.Contains(Why, after);
        Assert.DoesNotContain("/proposals/edit/NORTHERN-BRIDGE-27\">Edit", after);
        Assert.DoesNotContain("id=\"submission-checklist\"", after);
        Assert.DoesNotContain("id=\"withdraw\"", after);
        Assert.Contains(Why, WebUtility.HtmlDecode(await coordinator.GetStringAsync("/proposals/NORTHERN-BRIDGE-27/amendment")));
        // What the page no longer offers, the server refuses.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).StatusCode);
    }
}
