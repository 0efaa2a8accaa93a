using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>An administrator publishes a new version in the browser (problems shown as they type) and moves the running approval to it.</summary>
[Collection(HostProcesses.Name)]
public sealed class WorkflowPagesTests
{
    [BrowserFact]
    public async Task The_administrator_edits_publishes_and_migrates_in_the_browser()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();
        var page = await Browsers.SignInAsync(browser, web, "admin", width: 1280);

        int shipped = Definitions.ShippedVersion, next = shipped + 1;
        await page.GotoAsync(web.BaseUrl + "/workflows");
        await Assertions.Expect(page.Locator($"#version-exercise-approval-{shipped}")).ToContainTextAsync("Published");
        await page.ClickAsync($"#version-exercise-approval-{shipped} >> text=New version from this");
        var json = page.Locator("#Json");
        await Assertions.Expect(json).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"\"version\": {next}"));

        // Problems appear as the administrator types, in words.
        await json.FillAsync((await json.InputValueAsync()).Replace("\"P14D\"", "\"fourteen days\""));
        await Assertions.Expect(page.Locator("#problems")).ToHaveTextAsync("Stage 1, due: is not a positive ISO 8601 duration (for example P14D, or PT12H)");
        await Browsers.ShootAsync(page, "workflow-editor");
        await json.FillAsync(Definitions.SignOffOnly());
        await Assertions.Expect(page.Locator("#no-problems")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#diagram svg")).ToContainTextAsync("Final sign-off");
        await page.ClickAsync("#publish");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"Published Exercise approval version {next}. New submissions use it");
        await Browsers.ShootAsync(page, "workflow-versions");

        // The seeded proposal's approval still runs on the shipped version; move it, after a look at what would happen.
        await page.ClickAsync($"#version-exercise-approval-{shipped} >> text=Migrate running approvals");
        await page.ClickAsync("#dry-run");
        await Assertions.Expect(page.Locator("section.stage")).ToContainTextAsync($"Cannot be moved: stage 'national-review' is not in version {next}");
        await page.FillAsync("#Map", "national-review = final-sign-off");
        await page.ClickAsync("#dry-run");
        await Assertions.Expect(page.Locator("section.stage")).ToContainTextAsync("Pakistan (PAK), national approver: cancelled: the new version does not ask for it");
        await Assertions.Expect(page.Locator("section.stage")).ToContainTextAsync("Türkiye (TUR), exercise director: opened: the new version asks for it");
        await Browsers.ShootAsync(page, "workflow-migrate");
        await page.ClickAsync("#migrate");
        await Assertions.Expect(page.Locator("#message")).ToHaveTextAsync($"Moved 1 approval(s) to version {next}.");
    }
}
