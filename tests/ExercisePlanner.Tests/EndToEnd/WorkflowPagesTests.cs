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
        await Assertions.Expect(page.Locator("#diagram svg.wide")).ToContainTextAsync("Final sign-off");
        await page.ClickAsync("#publish");
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"Published Exercise approval version {next}. New submissions use it");
        // Versions name who published them as people know them; on a phone the table stacks and the diagrams stay readable.
        await Assertions.Expect(page.Locator($"#version-exercise-approval-{next}")).ToContainTextAsync("by System administrator");
        await Assertions.Expect(page.Locator($"#version-exercise-approval-{shipped}")).ToContainTextAsync("from the workflows folder");
        await Assertions.Expect(page.Locator("#versions")).Not.ToContainTextAsync("by admin");
        await Browsers.AssertTablesStackAsync(page);
        await Browsers.AssertFitsAsync(page);
        foreach (var width in new[] { 390, 1280 }) await AssertDiagramsReadableAsync(page, width);
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

    /// <summary>Every workflow diagram shown at this width draws its text at 12 px or more, and no line runs out of its boxes.</summary>
    private static async Task AssertDiagramsReadableAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, 900);
        var diagrams = System.Text.Json.JsonSerializer.Deserialize<Diagram[]>(await page.EvaluateAsync<string>("""
            JSON.stringify([...document.querySelectorAll('section.workflow svg')].filter(svg => svg.getBoundingClientRect().width > 0).map(svg => {
                const right = els => Math.max(...[...svg.querySelectorAll(els)].map(e => { const box = e.getBBox(); return box.x + box.width; }));
                return { name: svg.getAttribute('aria-label'), fontSize: 13 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
                         overflow: right('text') - right('rect') };
            }))
            """), System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal(3, diagrams.Length); // approval, amendment, HADR: each drawn once
        Assert.All(diagrams, d => Assert.True(d.FontSize >= 12 && d.Overflow <= 0,
            $"at {width} px the {d.Name} diagram's text is {d.FontSize:0.0} px and runs {d.Overflow:0} px beyond its boxes"));
    }

    private sealed record Diagram(string Name, double FontSize, double Overflow);
}
