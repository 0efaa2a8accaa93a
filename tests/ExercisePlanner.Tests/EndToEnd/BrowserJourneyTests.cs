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
    private static readonly string Screenshots = Browsers.Screenshots;

    [BrowserFact]
    public async Task A_proposal_goes_from_draft_to_approved_pdf_in_the_browser()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();

        // The coordinator starts from the example, names it and submits.
        var coordinator = await SignInAsync(browser, web, DemoData.Coordinator);
        await coordinator.GotoAsync(web.BaseUrl + "/proposals/edit?example=true");
        await coordinator.FillAsync("#code", "NEW-EXERCISE-27");
        await coordinator.FillAsync("#name", "New exercise");
        await coordinator.ClickAsync("#save");
        // Wait on what the page shows rather than on navigation events, which race on a busy machine.
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(coordinator.Locator("#checklist-title")).ToHaveTextAsync("Ready to submit");
        var proposalUrl = coordinator.Url;
        await coordinator.ClickAsync("#submit");
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Submitted");

        // Every approver signs in and approves what the proposal page offers them.
        foreach (var approver in new[] { "jor.approver", "tur.approver", "pak.approver", "idn.approver", "jor.legal", "jor.logistics", "jor.security", "tur.director" })
        {
            var page = await SignInAsync(browser, web, approver);
            if (approver == "pak.approver") // an inbox with two proposals' steps, for the README
                await Browsers.ShootAsync(page, "dashboard-approver");
            await page.GotoAsync(proposalUrl);
            var forms = page.Locator("form.decision");
            Assert.True(await forms.CountAsync() > 0, $"{approver} has nothing to decide");
            while (await forms.CountAsync() > 0)
            {
                await forms.First.Locator("textarea").FillAsync("Concur; no further remarks.");
                await forms.First.Locator("button[value=Approve]").ClickAsync();
                await Assertions.Expect(page.Locator("p.status.Approved")).ToContainTextAsync("Your decision was recorded");
            }
            await page.Context.CloseAsync();
        }

        // The coordinator sees the approval and downloads the plan.
        await coordinator.GotoAsync(proposalUrl);
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Approved");
        await Browsers.ShootAsync(coordinator, "proposal-timeline");
        await coordinator.GotoAsync(web.BaseUrl + "/workflows");
        await Assertions.Expect(coordinator.Locator("section.workflow svg.diagram.wide")).ToHaveCountAsync(3); // approval, amendment, HADR
        await Browsers.ShootAsync(coordinator, "workflows");
        await coordinator.GotoAsync(proposalUrl);
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.ClickAsync("text=Exercise plan (PDF)"));
        var file = Path.Combine(Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        Assert.Contains("EXERCISE PLAN", Pdf.PageTexts(await File.ReadAllBytesAsync(file))[0]);
    }

    private static Task<IPage> SignInAsync(IBrowser browser, WebProcess web, string user) => Browsers.SignInAsync(browser, web, user);
}
