using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class DashboardPageTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_dashboard_lists_proposals_a_page_at_a_time()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        for (var i = 0; i < 51; i++)
        {
            var code = $"PAGE-{i:00}";
            var body = new StringContent(sample.Replace("NORTHERN-BRIDGE-27", code), Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync("/api/v1/proposals", body)).StatusCode);
        }

        var first = await coordinator.GetStringAsync("/");
        Assert.Contains(">PAGE-00<", first);
        Assert.Contains(">PAGE-49<", first);
        Assert.DoesNotContain(">PAGE-50<", first);
        Assert.Contains("href=\"/?after=PAGE-49\"", first);

        var second = await coordinator.GetStringAsync("/?after=PAGE-49");
        Assert.Contains(">PAGE-50<", second);
        Assert.DoesNotContain(">PAGE-49<", second);
        Assert.DoesNotContain("next-proposals", second);
    }

    [Fact]
    public async Task The_dashboard_searches_filters_sorts_and_says_who_a_proposal_waits_on()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        foreach (var (code, name) in new[] { ("ALPHA-27", "Alpha Shield"), ("BRAVO-27", "Bravo Bridge"), ("CHARLIE-27", "Charlie Bridge") })
            (await coordinator.PostAsync("/api/v1/proposals", new StringContent(sample.Replace("NORTHERN-BRIDGE-27", code).Replace("Northern Bridge 2027", name), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/BRAVO-27/submission", null)).EnsureSuccessStatusCode();

        var page = await coordinator.GetStringAsync("/?q=bridge&sort=Name&desc=true");
        Assert.True(page.IndexOf(">CHARLIE-27<", StringComparison.Ordinal) < page.IndexOf(">BRAVO-27<", StringComparison.Ordinal));
        Assert.DoesNotContain(">ALPHA-27<", page);
        Assert.Contains("aria-sort=\"descending\"", page);
        Assert.Contains("National review: Jordan (JOR), Pakistan (PAK), Türkiye (TUR)", System.Net.WebUtility.HtmlDecode(page));

        var submitted = await coordinator.GetStringAsync("/?status=Submitted");
        Assert.Contains(">BRAVO-27<", submitted);
        Assert.DoesNotContain(">CHARLIE-27<", submitted);
        Assert.Contains("No proposal matches", await coordinator.GetStringAsync("/?nation=USA"));
        Assert.Contains("No proposal matches", await coordinator.GetStringAsync("/?to=2020-01-01"));

        // The coordinator's own drafts need their action.
        var mine = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync("/"));
        Assert.Contains("Alpha Shield (ALPHA-27)</a> — draft: finish it and submit it for approval", mine);
        Assert.DoesNotContain("Nothing needs your action", mine);

        // The API takes the same filters.
        var listed = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/proposals?search=bridge&status=Draft&sort=Start&descending=true");
        Assert.Equal(["CHARLIE-27"], listed.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/api/v1/proposals?status=Lost")).StatusCode);
    }
}
