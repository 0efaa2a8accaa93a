using System.Net;
using System.Text;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>The calendar page as a planner reads it: planning conferences by their kind in words, not the abbreviation alone.</summary>
[Collection(WebCollection.Name)]
public sealed class CalendarPageTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_planning_conference_is_named_by_its_kind_in_words()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(File.ReadAllText(Samples.ProposalFile), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var march = WebUtility.HtmlDecode(await (await web.ClientAsAsync("jor.approver")).GetStringAsync("/calendar?month=2027-03")); // IPC 10 Mar 2027 in Amman

        Assert.Contains("Initial planning conference (IPC): Northern Bridge 2027, Amman", march);
        Assert.DoesNotContain(">IPC:", march);
    }
}
