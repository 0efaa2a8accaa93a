using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>Issue 11, finding 9: the audit page tells an administrator, in words, whether the trail and the tables hold.</summary>
[Collection(HostProcesses.Name)]
public sealed class AuditPageTests
{
    private static readonly string DemoCode = DemoData.Proposal(DateOnly.FromDateTime(DateTime.UtcNow)).Code;

    [BrowserFact]
    public async Task The_audit_page_names_a_direct_edit_of_a_table_in_words()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();

        foreach (var width in new[] { 1280, 390 })
        {
            var page = await Browsers.SignInAsync(browser, web, "admin", width);
            await page.GotoAsync(web.BaseUrl + "/audit");
            await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("Intact");
            await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("every table matches what the trail records");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browsers.Screenshots, $"audit-intact-{width}.png"), FullPage = true });
            await Browsers.AssertFitsAsync(page);
            await page.Context.CloseAsync();
        }

        await web.Database.ExecuteAsync("""UPDATE "Proposals" SET "Status" = 'ChangesRequested'""");

        foreach (var width in new[] { 1280, 390 })
        {
            var page = await Browsers.SignInAsync(browser, web, "admin", width);
            await page.GotoAsync(web.BaseUrl + "/audit");
            await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("Not intact");
            await Assertions.Expect(page.Locator("#differences li").First)
                .ToContainTextAsync($"Proposal {DemoCode}: status is Changes requested in the table, ");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browsers.Screenshots, $"audit-tampered-{width}.png"), FullPage = true });
            await Browsers.AssertFitsAsync(page);
            await page.Context.CloseAsync();
        }
    }
}
