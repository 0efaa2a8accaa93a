using System.Net;
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
}
