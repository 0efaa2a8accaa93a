using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;
using static ExercisePlanner.Tests.EndToEnd.Browsers;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// No silent dead ends in a real browser: the coordinator's draft names the role nobody holds and whom to ask; once staffed it
/// is submitted; a step gets stuck when its only holder is removed; the administrator gives it to a colleague of that nation,
/// who finds it in the inbox and decides it.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class ReassignJourneyTests
{
    private const string Code = "SOUTHERN-GATE-27";

    [BrowserFact]
    public async Task An_administrator_gives_a_stuck_step_to_a_user_of_its_nation_who_sees_it_in_the_inbox_and_decides_it()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await LaunchAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync(http, DemoData.Coordinator, Password));
        var json = Samples.ProposalJsonStartingSoon().Replace("NORTHERN-BRIDGE-27", Code).Replace("Northern Bridge", "Southern Gate");
        (await http.PostAsync($"{web.BaseUrl}/api/v1/proposals", new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        // Jordan's legal advisor leaves: the coordinator's draft says the approval would stop there, and whom to ask.
        await web.Database.ExecuteAsync("""DELETE FROM "Users" WHERE "Name" = 'jor.legal'""");
        var coordinator = await SignInAsync(browser, web, DemoData.Coordinator);
        await coordinator.GotoAsync($"{web.BaseUrl}/proposals/{Code}");
        await Assertions.Expect(coordinator.Locator("#checklist-title")).ToHaveTextAsync("1 thing to fix before you can submit");
        await Assertions.Expect(coordinator.Locator("#unstaffed")).ToContainTextAsync(
            "No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review).");
        await Assertions.Expect(coordinator.Locator("#ask-administrator")).ToHaveTextAsync("Ask your administrator, System administrator, to add a user for each.");
        await Assertions.Expect(coordinator.Locator("#not-ready")).ToHaveTextAsync(
            "Not ready to submit yet. The Submit button appears here once an administrator has added someone for each step named above.");
        await Assertions.Expect(coordinator.Locator("#submit")).ToHaveCountAsync(0);
        await ShootAsync(coordinator, "proposal-unstaffed");

        // The administrator adds a legal advisor and a liaison officer for Pakistan; the coordinator submits.
        using var admin = new HttpClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync(admin, "admin", Password));
        foreach (var (name, nation, role, display) in new[] { ("jor.counsel", "JOR", "legal-advisor", "Col Rana Haddad"), ("pak.liaison", "PAK", "logistics-officer", "Lt Col Asif Khan") })
            (await admin.PostAsJsonAsync($"{web.BaseUrl}/api/v1/users", new { name, nation, roles = new[] { role }, title = "Liaison Officer", displayName = display, password = Password }))
                .EnsureSuccessStatusCode();
        await coordinator.GotoAsync($"{web.BaseUrl}/proposals/{Code}");
        await Assertions.Expect(coordinator.Locator("#checklist-title")).ToHaveTextAsync("Ready to submit");
        await coordinator.ClickAsync("#submit");
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Submitted");

        // The calendar names the planning conference by its kind.
        var conference = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("conferences")[0].GetProperty("date").GetString()!;
        await coordinator.GotoAsync($"{web.BaseUrl}/calendar?month={conference[..7]}");
        await Assertions.Expect(coordinator.Locator("a.entry.conference")).ToHaveTextAsync("Initial planning conference (IPC): Southern Gate 2027, Amman");
        await ShootAsync(coordinator, "calendar");

        // Pakistan's only approver is removed: Pakistan's national review is stuck, and the administrator sees it.
        await web.Database.ExecuteAsync("""DELETE FROM "Users" WHERE "Name" = 'pak.approver'""");
        var administrator = await SignInAsync(browser, web, "admin");
        await administrator.ClickAsync("nav >> text=Stuck steps");
        var stuck = administrator.Locator("li.notification", new() { HasText = "Southern Gate 2027" });
        await Assertions.Expect(stuck).ToContainTextAsync("National review for Pakistan (PAK), waiting for a national approver.");
        await Assertions.Expect(stuck).ToContainTextAsync("No one in Pakistan (PAK) holds the national approver role.");
        await Assertions.Expect(stuck).ToContainTextAsync("Waiting since");
        await ShootAsync(administrator, "stuck-steps");
        await stuck.Locator("select").SelectOptionAsync("pak.liaison");
        await stuck.Locator("button").ClickAsync();
        await Assertions.Expect(administrator.Locator("#reassigned")).ToHaveTextAsync(
            $"National review for Pakistan (PAK) ({Code}) now waits for Lt Col Asif Khan, who has been told.");
        await Assertions.Expect(administrator.Locator("li.notification", new() { HasText = "Southern Gate 2027" })).ToHaveCountAsync(0);

        // The liaison officer finds it in the inbox and decides it.
        var liaison = await SignInAsync(browser, web, "pak.liaison");
        await Assertions.Expect(liaison.Locator("#bell .count")).ToHaveTextAsync("1");
        await liaison.ClickAsync("#bell");
        var told = liaison.Locator("li.notification.unread").First;
        await Assertions.Expect(told).ToContainTextAsync("System administrator gave you National review for Pakistan (PAK) to decide");
        await liaison.ClickAsync($"li.notification >> text=Southern Gate 2027 ({Code})");
        var form = liaison.Locator("form.decision");
        await Assertions.Expect(form.Locator("p").First).ToContainTextAsync(
            "National review for Pakistan (PAK), on behalf of the national approver (a role you do not hold): given to you by System administrator on");
        await ShootAsync(liaison, "proposal-reassigned");
        await form.Locator("textarea").FillAsync("Pakistan concurs.");
        await form.Locator("button[value=Approve]").ClickAsync();
        await Assertions.Expect(liaison.Locator("p.status.Approved")).ToHaveTextAsync("Your decision was recorded: approved.");
    }
}
