using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// The coordinator's editor in a real browser: a four-nation proposal built from an empty form with rows
/// (one added and removed again), an incomplete draft kept, the checklist followed to submission, an
/// existing code refused; and the same rows without script, through the server.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class EditorJourneyTests
{
    private static readonly DateOnly Start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120);

    [BrowserFact]
    public async Task A_coordinator_builds_a_proposal_from_an_empty_editor_and_submits_it()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();
        var page = await Browsers.SignInAsync(browser, web, DemoData.Coordinator);

        await page.ClickAsync("nav >> text=New proposal");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New proposal");
        Assert.Equal("", await page.InputValueAsync("#code"));
        Assert.Equal("", await page.InputValueAsync("#name"));
        Assert.Equal(0, await page.Locator("#objectives .row-list input[value]:not([type=hidden]):not([value=''])").CountAsync());

        await page.FillAsync("#code", "DESERT-FALCON-27");
        await page.FillAsync("#name", "Desert Falcon 2027");
        await page.SelectOptionAsync("#type", "FTX");
        await page.FillAsync("#startDate", Start.ToString("yyyy-MM-dd"));
        await page.FillAsync("#endDate", Start.AddDays(9).ToString("yyyy-MM-dd"));
        await page.FillAsync("#location", "Zarqa training area");

        // Four nations: two rows are there, two are added; a fifth is added and removed again.
        await Nation(page, "participants", 0, "Jordan (JOR)", "host");
        await Nation(page, "participants", 1, "Türkiye (TUR)", "lead");
        await page.ClickAsync("text=Add a nation");
        await Nation(page, "participants", 2, "Pakistan (PAK)", "participant");
        await page.ClickAsync("text=Add a nation");
        await Nation(page, "participants", 3, "Indonesia (IDN)", "participant");
        await page.ClickAsync("text=Add a nation");
        await Nation(page, "participants", 4, "Malaysia (MYS)", "observer");
        await Assertions.Expect(page.Locator("#participants .row")).ToHaveCountAsync(5);
        await page.ClickAsync("#participants-4 button.remove");
        await Assertions.Expect(page.Locator("#participants .row")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#releasable-nations input")).ToHaveCountAsync(4); // follows the participants

        await page.FillAsync("#objectives-0-code", "TO-1");
        await page.FillAsync("#objectives-0-text", "Exercise a combined desert logistics cell.");
        foreach (var (nation, percent, row) in new[] { ("Jordan (JOR)", "40", 0), ("Türkiye (TUR)", "30", 1), ("Pakistan (PAK)", "20", 2) })
        {
            await page.ClickAsync("text=Add a cost share");
            await page.FillAsync($"#costShares .row:nth-child({row + 1}) input.nation", nation);
            await page.FillAsync($"#costShares .row:nth-child({row + 1}) .percent input", percent);
        }
        await Assertions.Expect(page.Locator("#share-sum")).ToHaveTextAsync("90");
        await Browsers.ShootAsync(page, "editor");
        await Browsers.AssertFitsAsync(page);

        // An incomplete draft is kept; the proposal page lists what is left.
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.Locator("#saved-notice")).ToHaveTextAsync("Draft saved.");
        // Saved reads as done (green); the note that this is a draft reads as information (amber), not as done.
        Assert.Equal("rgb(223, 243, 228)", await page.EvalOnSelectorAsync<string>("#saved-notice", "e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(255, 244, 224)", await page.EvalOnSelectorAsync<string>("p.notice", "e => getComputedStyle(e).backgroundColor"));
        Assert.NotEqual(await page.EvalOnSelectorAsync<string>("#saved-notice", "e => getComputedStyle(e).color"),
            await page.EvalOnSelectorAsync<string>("p.notice", "e => getComputedStyle(e).color"));
        // A table's total is a plain sum, not an alarm, even where the shares do not add up yet.
        Assert.Equal(await page.EvalOnSelectorAsync<string>("#cost-shares tbody tr:not(.total) td", "e => getComputedStyle(e).color"),
            await page.EvalOnSelectorAsync<string>("#cost-shares tr.total td", "e => getComputedStyle(e).color"));
        var checklist = page.Locator("#submission-checklist li");
        await Assertions.Expect(checklist).ToContainTextAsync(["Cost shares: the non-observer nations add up to 90 %, they must add up to 100 %"]);
        await Assertions.Expect(page.Locator("#not-ready")).ToHaveTextAsync("Not ready to submit yet. The Submit button appears here once the content is complete.");
        await Assertions.Expect(page.Locator("#submit")).ToHaveCountAsync(0);
        var proposalUrl = page.Url.Split('?')[0];

        // A new proposal with the same code is refused; the draft is unchanged.
        await page.GotoAsync(web.BaseUrl + "/proposals/edit");
        await page.FillAsync("#code", "DESERT-FALCON-27");
        await page.FillAsync("#name", "Somebody else's exercise");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Code: DESERT-FALCON-27 already exists: open it");
        Assert.Equal("true", await page.GetAttributeAsync("#code", "aria-invalid"));
        await page.ClickAsync("#open-existing");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Desert Falcon 2027");

        // The checklist's link leads to the field; the fix makes it ready.
        await page.ClickAsync("#submission-checklist a:has-text('Cost shares')");
        await Assertions.Expect(page.Locator("#costShares")).ToBeVisibleAsync();
        Assert.EndsWith("#costShares", page.Url);
        await page.ClickAsync("text=Add a cost share");
        await page.FillAsync("#costShares .row:nth-child(4) input.nation", "Indonesia (IDN)");
        await page.FillAsync("#costShares .row:nth-child(4) .percent input", "10");
        await Assertions.Expect(page.Locator("#share-sum")).ToHaveTextAsync("100");
        await page.CheckAsync("#releasableTo-JOR");
        await page.CheckAsync("#releasableTo-TUR");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#checklist-title")).ToHaveTextAsync("Ready to submit");
        await Browsers.ShootAsync(page, "proposal-draft");
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Submitted");
        await Browsers.ShootAsync(page, "proposal");
        await Browsers.AssertFitsAsync(page);

        await page.GotoAsync(web.BaseUrl + "/");
        await Assertions.Expect(page.Locator("#proposals")).ToContainTextAsync("National review: Indonesia (IDN), Jordan (JOR), Pakistan (PAK), Türkiye (TUR)");
        await Browsers.ShootAsync(page, "dashboard");
        await Browsers.AssertFitsAsync(page);

        // Withdrawing asks for confirmation and a reason, which the page then shows; reopening makes the next revision.
        await page.GotoAsync(proposalUrl);
        await page.ClickAsync("#withdraw");
        await page.ClickAsync("#confirm-withdraw"); // no reason: the browser's own check holds it back
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Withdraw DESERT-FALCON-27?");
        await page.FillAsync("#reason", "The host nation moved the exercise to next year.");
        await page.ClickAsync("#confirm-withdraw");
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(page.Locator("#withdrawal-reason")).ToContainTextAsync("Reason: The host nation moved the exercise to next year.");
        await page.ClickAsync("#reopen");
        await page.ClickAsync("#confirm-reopen");
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.Locator("#checklist-title")).ToHaveTextAsync("Ready to submit");
        await Assertions.Expect(page.Locator("#submission-checklist")).ToContainTextAsync("revision 2");
    }

    [BrowserFact]
    public async Task Without_script_rows_are_added_and_removed_by_the_server()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();
        var page = await Browsers.SignInAsync(browser, web, DemoData.Coordinator, script: false);

        await page.GotoAsync(web.BaseUrl + "/proposals/edit");
        await page.FillAsync("#code", "NO-SCRIPT-27");
        await page.FillAsync("#participants-0-nation", "Jordan (JOR)");
        await page.ClickAsync("text=Add a nation");
        await Assertions.Expect(page.Locator("#participants .row-list > .row")).ToHaveCountAsync(3);
        Assert.Equal("NO-SCRIPT-27", await page.InputValueAsync("#code")); // what was typed survives the round trip
        Assert.Equal("Jordan (JOR)", await page.InputValueAsync("#participants-0-nation"));
        await page.ClickAsync("#participants-0 button.remove");
        await Assertions.Expect(page.Locator("#participants .row-list > .row")).ToHaveCountAsync(2);
        Assert.Equal("", await page.InputValueAsync("#participants-0-nation"));

        await page.ClickAsync("#save"); // no name: refused, in words, with the field marked
        await Assertions.Expect(page.Locator("#error-summary a")).ToHaveTextAsync(["Name: enter the exercise's name"]);
        Assert.Equal("name-error", await page.GetAttributeAsync("#name", "aria-describedby"));

        // An approver's Reject asks for confirmation before it is recorded.
        var approver = await Browsers.SignInAsync(browser, web, "pak.approver", script: false); // Jordan approved when the demo was seeded
        var demo = Core.Features.Demo.DemoData.Proposal(DateOnly.FromDateTime(DateTime.UtcNow)).Code;
        await approver.GotoAsync($"{web.BaseUrl}/proposals/{demo}");
        await approver.Locator("form.decision textarea").First.FillAsync("The dates clash with our national exercise.");
        await approver.Locator("form.decision button:has-text('Reject')").First.ClickAsync();
        await Assertions.Expect(approver.Locator("h1")).ToHaveTextAsync($"Reject {demo}?");
        Assert.Equal("The dates clash with our national exercise.", await approver.InputValueAsync("#comment"));
        await approver.GotoAsync($"{web.BaseUrl}/proposals/{demo}"); // going back records nothing
        await Assertions.Expect(approver.Locator("#proposal-status")).ToHaveTextAsync("Submitted");
        await approver.Locator("form.decision textarea").First.FillAsync("The dates clash with our national exercise.");
        await approver.Locator("form.decision button:has-text('Reject')").First.ClickAsync();
        await approver.ClickAsync("#confirm-reject");
        await Assertions.Expect(approver.Locator("#proposal-status")).ToHaveTextAsync("Rejected");
    }

    private static async Task Nation(IPage page, string list, int row, string nation, string role)
    {
        await page.FillAsync($"#{list}-{row}-nation", nation);
        await page.CheckAsync($"#{list}-{row}-roles-{role}");
    }
}
