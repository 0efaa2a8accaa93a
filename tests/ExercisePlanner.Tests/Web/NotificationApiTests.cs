using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class NotificationApiTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SubmitSampleAsync()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(sample, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_step_that_opens_shows_in_the_approvers_notifications_until_read()
    {
        await SubmitSampleAsync();
        var approver = await web.ClientAsAsync("jor.approver");

        var list = await approver.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(1, list.GetProperty("unread").GetInt32());
        var only = list.GetProperty("notifications").EnumerateArray().Single();
        Assert.Equal("StepOpened", only.GetProperty("kind").GetString());
        Assert.Equal("NORTHERN-BRIDGE-27", only.GetProperty("proposal").GetString());
        Assert.StartsWith("/proposals/NORTHERN-BRIDGE-27#step-", only.GetProperty("link").GetString());
        Assert.Equal(0, (await (await web.ClientAsAsync("usa.approver")).GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32());

        // Another user cannot read it, or learn that it exists.
        var id = only.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await (await web.ClientAsAsync("pak.approver")).PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        var read = await approver.PostAsync($"/api/v1/notifications/{id}/read", null);
        Assert.Equal(0, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unread").GetInt32());
        Assert.Empty((await approver.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true")).GetProperty("notifications").EnumerateArray());
    }

    [Fact]
    public async Task The_calendar_feed_parses_with_Ical_Net_and_refuses_a_revoked_address()
    {
        await SubmitSampleAsync();
        var approver = await web.ClientAsAsync("jor.approver");
        var url = (await (await approver.PostAsync("/api/v1/calendar", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var path = new Uri(url).PathAndQuery;
        var anonymous = await web.ClientAsAsync(null);

        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var summaries = calendar.Events.Select(e => e.Summary!).ToList();
        Assert.Contains(summaries, s => s.StartsWith("Due: National review for NORTHERN-BRIDGE-27 (Jordan (JOR))"));
        Assert.Contains("[RESTRICTED] Northern Bridge 2027 (NORTHERN-BRIDGE-27)", summaries);
        Assert.Contains(summaries, s => s.StartsWith("[RESTRICTED] Initial planning conference (IPC): Northern Bridge 2027"));
        var exercise = calendar.Events.Single(e => e.Uid == "NORTHERN-BRIDGE-27-exercise@exerciseplanner");
        Assert.False(exercise.Start!.HasTime);

        // The outsider's feed has no trace of a proposal their nation takes no part in.
        var outsider = await web.ClientAsAsync("usa.approver");
        var outsiderUrl = (await (await outsider.PostAsync("/api/v1/calendar", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Empty(Ical.Net.Calendar.Load(await anonymous.GetStringAsync(new Uri(outsiderUrl).PathAndQuery))!.Events);

        Assert.Equal(HttpStatusCode.NoContent, (await approver.DeleteAsync("/api/v1/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        // A new address works; the old one stays refused.
        var renewed = (await (await approver.PostAsync("/api/v1/calendar", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(renewed).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }
}
