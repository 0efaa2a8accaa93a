using System.Text.Json;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// axe-core (EndToEnd/axe, MPL-2.0, from the npm registry) on every page, signed in as each kind of user:
/// no serious or critical violation; every page fits a 390 px phone (the dashboard's and the proposal page's tables
/// stacked as cards, none scrolling sideways); and one journey by keyboard alone.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class AccessibilityTests(ITestOutputHelper output)
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "axe", "axe.min.js"));
    private static readonly string DemoCode = DemoData.Proposal(DateOnly.FromDateTime(DateTime.UtcNow)).Code;
    private static readonly string DemoMonth = "/calendar?month=" + DemoData.Proposal(DateOnly.FromDateTime(DateTime.UtcNow)).StartDate.ToString("yyyy-MM");

    [BrowserFact]
    public async Task Every_page_has_no_serious_violations_for_any_role()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();
        var pages = new Dictionary<string, string[]>
        {
            [DemoData.Coordinator] = ["/", "/proposals/edit", "/proposals/edit?example=true", $"/proposals/{DemoCode}", "/workflows", "/?q=bridge&sort=Name", "/proposals/NO-SUCH-27", "/audit", "/calendar", DemoMonth],
            ["jor.approver"] = ["/", $"/proposals/{DemoCode}", "/workflows", "/proposals/edit", DemoMonth],
            ["tur.approver"] = ["/", $"/proposals/{DemoCode}"], // a step waiting on the dashboard
            ["admin"] = ["/", "/proposals/edit", $"/proposals/{DemoCode}", "/workflows", "/audit", "/users"],
        };
        var serious = new List<string>();
        foreach (var (user, paths) in pages)
        {
            var page = await Browsers.SignInAsync(browser, web, user);
            foreach (var path in paths)
            {
                await page.GotoAsync(web.BaseUrl + path);
                serious.AddRange(await CheckAsync(page, $"{user} {path}"));
                await Browsers.AssertFitsAsync(page);
                if (path == "/" || path == $"/proposals/{DemoCode}") await Browsers.AssertTablesStackAsync(page);
            }
            await page.Context.CloseAsync();
        }
        // The editor showing its problems, and the sign-in form.
        var coordinator = await Browsers.SignInAsync(browser, web, DemoData.Coordinator);
        // Missing and forbidden pages answer in words, not problem details; the menu offers only what the role may use.
        Assert.Equal(404, (await coordinator.GotoAsync(web.BaseUrl + "/proposals/NO-SUCH-27"))!.Status);
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Page not found");
        Assert.Equal(403, (await coordinator.GotoAsync(web.BaseUrl + "/audit"))!.Status);
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("You cannot use this page");
        await Assertions.Expect(coordinator.Locator("nav a")).ToHaveTextAsync(["Dashboard", "New proposal", "Calendar", "Workflows"]);
        await coordinator.GotoAsync(web.BaseUrl + "/proposals/edit");
        await coordinator.ClickAsync("#save");
        await Assertions.Expect(coordinator.Locator("#error-summary")).ToBeVisibleAsync();
        serious.AddRange(await CheckAsync(coordinator, "editor with problems"));
        await coordinator.Context.CloseAsync();
        var approver = await Browsers.SignInAsync(browser, web, "jor.approver");
        await Assertions.Expect(approver.Locator("nav a")).ToHaveTextAsync(["Dashboard", "Calendar", "Workflows"]);
        await approver.Context.CloseAsync();
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync(web.BaseUrl + "/login");
        serious.AddRange(await CheckAsync(anonymous, "sign-in"));

        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [BrowserFact]
    public async Task A_coordinator_drafts_with_the_keyboard_alone()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(web.BaseUrl + "/login");

        await TabToAsync(page, "#UserName");
        await page.Keyboard.TypeAsync(DemoData.Coordinator);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Browsers.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");

        await TabToAsync(page, "nav a[href='/proposals/edit']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New proposal");
        await TabToAsync(page, "#code");
        await page.Keyboard.TypeAsync("KEYBOARD-27");
        await TabToAsync(page, "#name");
        await page.Keyboard.TypeAsync("Keyboard Exercise");
        await TabToAsync(page, "#participants button.add");
        await page.Keyboard.PressAsync("Space"); // adds a row and moves to its nation
        await Assertions.Expect(page.Locator("#participants .row-list > .row")).ToHaveCountAsync(3);
        await page.Keyboard.TypeAsync("Jordan (JOR)");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // host
        await TabToAsync(page, "#save-bottom");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Draft");
        await TabToAsync(page, "#submission-checklist a");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit KEYBOARD-27");
        Assert.Equal("Jordan (JOR)", await page.InputValueAsync("#participants-0-nation"));
        Assert.True(await page.IsCheckedAsync("#participants-0-roles-host"));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    private async Task<List<string>> CheckAsync(IPage page, string name)
    {
        await page.EvaluateAsync(Axe); // evaluated, not a script tag: the pages' CSP allows only their own scripts
        var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document); return { passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' ') })) }; }");
        var passes = result.GetProperty("passes").GetInt32();
        Assert.True(passes > 10, $"axe checked nothing on {name}"); // it ran, and found the page's content
        var violations = result.GetProperty("violations").EnumerateArray().ToList();
        output.WriteLine($"axe {name}: {passes} rules passed, {violations.Count} violation(s)" + string.Concat(violations.Select(v => $"\n  {v.GetProperty("impact")} {v.GetProperty("id")}: {v.GetProperty("help")} ({v.GetProperty("nodes")} nodes, first {v.GetProperty("target")})")));
        return violations.Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{name}: {v.GetProperty("impact")} {v.GetProperty("id")} {v.GetProperty("help")} at {v.GetProperty("target")}").ToList();
    }
}
