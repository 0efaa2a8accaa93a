using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Testing;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>The coordinator of the approved demo proposal opens an amendment in the browser and follows it.</summary>
[Collection(HostProcesses.Name)]
public sealed class AmendmentPageTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [BrowserFact]
    public async Task The_coordinator_opens_an_amendment_and_sees_who_will_be_asked()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        // The seeded proposal is approved by every step, straight through the planner on the host's database.
        await using var planner = PlannerServices.Build(web.Database.Settings);
        var sender = planner.GetRequiredService<Core.Common.IsolatedSender>();
        var code = Assert.Single(await sender.Send(new ListProposals())).Code;
        while ((await sender.Send(new ShowProposal(code))).Steps.Where(s => s.Status == StepStatus.Open).ToList() is { Count: > 0 } open)
            foreach (var step in open)
                await sender.Send(new DecideStep(step.Id, Decision.Approve, "Concur.", Approvals.HolderOf(step)));

        await using var browser = await Browsers.LaunchAsync();
        var page = await Browsers.SignInAsync(browser, web, DemoData.Coordinator, width: 1280);
        await page.GotoAsync($"{web.BaseUrl}/proposals/{code}");
        await page.ClickAsync("#amend");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Amend Northern Bridge");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("In force: revision 1");
        await Browsers.ShootAsync(page, "amendment-open");

        await page.ClickAsync("#open-amendment");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/proposals/edit/"));
        var shown = await sender.Send(new ShowProposal(code));
        await sender.Send(new ImportProposal(shown.Content! with
        {
            CostShares = shown.Content!.CostShares.Select(s => s.Nation switch { "PAK" => s with { Percent = 10 }, "TUR" => s with { Percent = 40 }, _ => s }).ToList(),
        }, DemoData.Coordinator));

        await page.GotoAsync($"{web.BaseUrl}/proposals/{code}");
        await Assertions.Expect(page.Locator("#amendment-notice")).ToContainTextAsync("Amendment 1 is open (draft). Revision 1 stays in force until it is approved.");
        await page.ClickAsync("#amendment-notice a");
        var card = page.Locator("section.card");
        await Assertions.Expect(card).ToContainTextAsync("Changed: cost shares.");
        await Assertions.Expect(card).ToContainTextAsync("Nations affected (joining, leaving, or with other forces or cost shares): Pakistan (PAK), Türkiye (TUR).");
        await Assertions.Expect(card).ToContainTextAsync("Review by the nations affected, within 10 days: Pakistan (PAK), national approver; Türkiye (TUR), national approver; Jordan (JOR), national approver");
        await Browsers.ShootAsync(page, "amendment-plan");

        await page.ClickAsync("#withdraw-amendment");
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Approved");
        Assert.Equal(0, (await sender.Send(new ShowProposal(code))).Amendment);
    }
}
