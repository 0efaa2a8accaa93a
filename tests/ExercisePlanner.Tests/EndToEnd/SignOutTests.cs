using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>Issue 11, finding 2 in the browser: Sign out works, and a copy of the cookie taken before is refused afterwards.</summary>
[Collection(HostProcesses.Name)]
public sealed class SignOutTests
{
    [BrowserFact]
    public async Task Sign_out_ends_the_session_and_the_old_cookie_is_refused()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();

        var page = await Browsers.SignInAsync(browser, web, "jor.approver");
        await Assertions.Expect(page.Locator("form.signout a")).ToHaveTextAsync("Brig Gen Khaled Al-Masri"); // by name, not user name
        var cookies = await page.Context.CookiesAsync();
        Assert.NotEmpty(cookies);

        await page.ClickAsync("form.signout button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GotoAsync(web.BaseUrl + "/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));

        // Someone who copied the cookie before sign-out gets the sign-in form, not the dashboard.
        var thief = await browser.NewContextAsync();
        await thief.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var stolen = await thief.NewPageAsync();
        await stolen.GotoAsync(web.BaseUrl + "/");
        await Assertions.Expect(stolen).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Assertions.Expect(stolen.Locator("h1")).ToHaveTextAsync("Sign in");
    }
}
