using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// A person's journey in a real browser: the coordinator drafts and submits a proposal, the approvers
/// of each nation sign in and approve their steps, the coordinator downloads the approved plan.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class BrowserJourneyTests
{
    private const string Password = "Exercise-2027"; // the Development demo accounts'
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task A_proposal_goes_from_draft_to_approved_pdf_in_the_browser()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
        Assertions.SetDefaultExpectTimeout(20_000); // a shared CI machine can be slow

        // The coordinator drafts from the editor's template and submits.
        var coordinator = await SignInAsync(browser, web, DemoData.Coordinator);
        await coordinator.GotoAsync(web.BaseUrl + "/proposals/edit");
        var shares = coordinator.Locator("#Form_CostShares");
        var goodShares = await shares.InputValueAsync();
        await shares.FillAsync(goodShares.Replace("PAK 15", "PAK 25"));
        await coordinator.ClickAsync("#save");
        await Assertions.Expect(coordinator.Locator("#Form_CostShares + ul.field-errors")).ToContainTextAsync("sum to 110, not 100");
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "editor-validation.png"), FullPage = true });
        await shares.FillAsync(goodShares);
        await coordinator.ClickAsync("#save");
        // Wait on what the page shows rather than on navigation events, which race on a busy machine.
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Draft");
        var proposalUrl = coordinator.Url;
        await coordinator.ClickAsync("#submit");
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Submitted");

        // Every approver signs in and approves what the proposal page offers them.
        foreach (var approver in new[] { "jor.approver", "tur.approver", "pak.approver", "idn.approver", "jor.legal", "jor.logistics", "jor.security", "tur.director" })
        {
            var page = await SignInAsync(browser, web, approver);
            if (approver == "pak.approver") // an inbox with two proposals' steps, for the README
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard.png"), FullPage = true });
            await page.GotoAsync(proposalUrl);
            var forms = page.Locator("form.decision");
            Assert.True(await forms.CountAsync() > 0, $"{approver} has nothing to decide");
            while (await forms.CountAsync() > 0)
            {
                await forms.First.Locator("textarea").FillAsync($"{approver} concurs.");
                await forms.First.Locator("button[value=Approve]").ClickAsync();
                await Assertions.Expect(page.Locator("p.status.Approved")).ToContainTextAsync("Your decision was recorded");
            }
            await page.Context.CloseAsync();
        }

        // The coordinator sees the approval and downloads the plan.
        await coordinator.GotoAsync(proposalUrl);
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Approved");
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "proposal-timeline.png"), FullPage = true });
        await coordinator.GotoAsync(web.BaseUrl + "/workflows");
        await Assertions.Expect(coordinator.Locator("section.workflow svg")).ToHaveCountAsync(2);
        await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "workflows.png"), FullPage = true });
        await coordinator.GotoAsync(proposalUrl);
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.ClickAsync("text=Exercise plan (PDF)"));
        var file = Path.Combine(Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        Assert.Contains("EXERCISE PLAN", Pdf.PageTexts(await File.ReadAllBytesAsync(file))[0]);
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, WebProcess web, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new() { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(web.BaseUrl + "/login");
        Assert.True(response!.Ok, $"sign-in page for {user}: {response.Status} {await page.ContentAsync()}");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        return page;
    }
}
