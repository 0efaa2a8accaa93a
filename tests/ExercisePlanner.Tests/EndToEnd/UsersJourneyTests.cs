using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;
using static ExercisePlanner.Tests.EndToEnd.Browsers;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// An administrator on the Users page gives a role, takes one away and deactivates a deputy who holds a delegated step:
/// the deputy's open browser is sent to the sign-in form at once, and the step waits on the Stuck-steps list.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class UsersJourneyTests
{
    [BrowserFact]
    public async Task An_administrator_changes_roles_and_deactivates_a_deputy_whose_session_ends_and_whose_step_comes_back()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await LaunchAsync();
        // Türkiye's approver hands the seeded proposal's open step to the deputy, who has the proposal open.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync(http, "tur.approver", Password));
        var steps = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"{web.BaseUrl}/api/v1/steps");
        var step = steps.EnumerateArray().First().GetProperty("id").GetInt32();
        (await http.PostAsJsonAsync($"{web.BaseUrl}/api/v1/steps/{step}/delegation", new { to = "tur.deputy" })).EnsureSuccessStatusCode();
        var deputy = await SignInAsync(browser, web, "tur.deputy");
        await Assertions.Expect(deputy.Locator("h1")).ToBeVisibleAsync();

        var admin = await SignInAsync(browser, web, "admin");
        await admin.ClickAsync("nav >> text=Users");
        var legal = admin.Locator("#user-jor\\.legal");
        await Assertions.Expect(legal).ToContainTextAsync("Col Rana Haddad");
        await Assertions.Expect(legal).ToContainTextAsync("Legal Adviser, Jordan (JOR)");
        await legal.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "logistics officer" });
        await legal.Locator("button", new() { HasText = "Give" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#changed")).ToHaveTextAsync("Col Rana Haddad now holds the logistics officer role.");
        await admin.Locator("#user-jor\\.legal button[aria-label='Take away the logistics officer role from Col Rana Haddad']").ClickAsync();
        await Assertions.Expect(admin.Locator("#changed")).ToHaveTextAsync("Col Rana Haddad no longer holds the logistics officer role.");

        var tur = admin.Locator("#user-tur\\.deputy");
        await tur.Locator("summary").ClickAsync();
        await tur.Locator("button", new() { HasText = "Deactivate Col Deniz Aksoy" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#changed")).ToHaveTextAsync(
            "Col Deniz Aksoy is deactivated: signed out everywhere, and any step handed to them is back on the Stuck-steps list.");
        await Assertions.Expect(admin.Locator("#user-tur\\.deputy")).ToContainTextAsync("Deactivated on");
        await AssertFitsAsync(admin);
        await ShootAsync(admin, "users");

        await deputy.ReloadAsync();
        Assert.EndsWith("/login", new Uri(deputy.Url).AbsolutePath);

        await admin.ClickAsync("nav >> text=Stuck steps");
        await Assertions.Expect(admin.Locator($"#stuck-{step}")).ToContainTextAsync("It was handed to Col Deniz Aksoy, who was deactivated on ");
        await Assertions.Expect(admin.Locator($"#stuck-{step} select option", new() { HasText = "Col Deniz Aksoy" })).ToHaveCountAsync(0);

        // The coordinator's role taken away: their proposal's page says why, and offers nothing the server would refuse.
        var coordinator = await SignInAsync(browser, web, "tur.coordinator");
        await coordinator.Locator("a[href^='/proposals/NORTHERN-BRIDGE-']").First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("#withdraw")).ToBeVisibleAsync();
        await admin.ClickAsync("nav >> text=Users");
        var planner = admin.Locator("#user-tur\\.coordinator");
        await planner.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "exercise director" });
        await planner.Locator("button", new() { HasText = "Give" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#changed")).ToHaveTextAsync("Lt Col Emre Aydin now holds the exercise director role.");
        await admin.Locator("#user-tur\\.coordinator button[aria-label='Take away the coordinator role from Lt Col Emre Aydin']").ClickAsync();
        await Assertions.Expect(admin.Locator("#changed")).ToHaveTextAsync("Lt Col Emre Aydin no longer holds the coordinator role.");
        await coordinator.ReloadAsync();
        await Assertions.Expect(coordinator.Locator("#not-coordinator")).ToHaveTextAsync(
            "You drafted this proposal but no longer hold the coordinator role, so you cannot edit, submit, withdraw, reopen or amend it. An administrator can give the role back.");
        await Assertions.Expect(coordinator.Locator("#withdraw")).ToHaveCountAsync(0);
        await AssertFitsAsync(coordinator);
        await ShootAsync(coordinator, "proposal-former-coordinator");
    }
}
