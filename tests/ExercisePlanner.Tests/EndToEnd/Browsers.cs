using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>Debian's Chromium through Playwright: launching, signing in as a demo user, and screenshots at desk and phone widths.</summary>
public static class Browsers
{
    public const string Password = "Exercise-2027"; // the Development demo accounts'
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>One Playwright driver for the test run; each test launches (and disposes) its own browser.</summary>
    private static readonly Lazy<Task<IPlaywright>> Driver = new(Playwright.CreateAsync);

    public static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Driver.Value;
        Directory.CreateDirectory(Screenshots);
        Assertions.SetDefaultExpectTimeout(20_000); // a shared CI machine can be slow
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <param name="script">false: a browser with JavaScript off, to show the pages work without it.</param>
    public static async Task<IPage> SignInAsync(IBrowser browser, WebProcess web, string user, int width = 1200, bool script = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true, ViewportSize = new() { Width = width, Height = 900 }, JavaScriptEnabled = script,
        });
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

    /// <summary>The whole page at 1280 px and at 390 px wide (<c>NAME-1280.png</c>, <c>NAME-390.png</c>).</summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        var size = page.ViewportSize!;
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, size.Height);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>At phone width, the tables people read stack their rows as cards: none scrolls sideways inside itself.</summary>
    public static async Task AssertTablesStackAsync(IPage page, int width = 390)
    {
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(width, size.Height);
        var scrolling = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('table')].filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.id || t.closest('section')?.id || 'a table')");
        Assert.True(scrolling.Length == 0, $"{page.Url}: at {width} px these tables scroll sideways: {string.Join(", ", scrolling)}");
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>At phone width, nothing may be wider than the screen.</summary>
    public static async Task AssertFitsAsync(IPage page, int width = 390)
    {
        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(width, size.Height);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide at {width} px");
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
