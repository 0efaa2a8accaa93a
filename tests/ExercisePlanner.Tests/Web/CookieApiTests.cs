using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExercisePlanner.Tests.Web;

/// <summary>Issue 11, finding 7: an unsafe API request signed in by the pages' cookie needs the antiforgery token; a bearer token does not.</summary>
[Collection(WebCollection.Name)]
public sealed partial class CookieApiTests(WebFixture web) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await web.ResetAsync();
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(File.ReadAllText(Samples.ProposalFile), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_cross_site_form_post_with_the_cookie_is_refused_and_the_pages_token_lets_it_through()
    {
        var browser = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/login");
        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "tur.coordinator", ["Password"] = WebFixture.Password, ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // What another site's form can make the browser send: the cookie, a form body, no token.
        var forged = await browser.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/withdrawal", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", await forged.Content.ReadAsStringAsync());
        Assert.Contains("Submitted", await browser.GetStringAsync("/api/v1/proposals/NORTHERN-BRIDGE-27"));

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/proposals/NORTHERN-BRIDGE-27/withdrawal");
        request.Headers.Add("X-CSRF-TOKEN", Token(await browser.GetStringAsync("/")));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);
    }

    /// <summary>The antiforgery token a page's forms carry.</summary>
    internal static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
