using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Web;

/// <summary>Deactivating a user ends their sessions and tokens at once, however it is done; roles change over the API; the Users page.</summary>
[Collection(WebCollection.Name)]
public sealed class UserAdministrationApiTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpStatusCode> SignInAsync(string user) =>
        (await web.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = WebFixture.Password })).StatusCode;

    /// <summary>A browser signed in with the pages' cookie.</summary>
    private async Task<HttpClient> BrowserAsAsync(string user)
    {
        var browser = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = WebFixture.Password, ["__RequestVerificationToken"] = CookieApiTests.Token(await browser.GetStringAsync("/login")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task Deactivation_ends_the_users_tokens_and_cookies_at_once_and_they_cannot_sign_in_again()
    {
        var token = await web.ClientAsAsync("jor.deputy");
        var cookie = await BrowserAsAsync("jor.deputy");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/")).StatusCode);
        var admin = await web.ClientAsAsync("admin");

        var response = await admin.PostAsync("/api/v1/users/jor.deputy/deactivation", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("deactivatedAt", out var at) && at.ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await cookie.GetAsync("/")).StatusCode); // to the sign-in form
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("jor.deputy"));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("jor.approver"));
        // Audited in the trail: the planner's record, and the sign-in account's new security stamp, both by the administrator.
        await using var scope = web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Actor == "admin" && (e.EntityKey == "jor.deputy" || e.EntityKey.StartsWith("account/jor.deputy")))
            .Select(e => new { e.EntityType, e.Action }).ToListAsync();
        Assert.Contains(entries, e => e.EntityType == "User" && e.Action == nameof(DeactivateUser));
        Assert.Contains(entries, e => e.EntityType == "IdentityUser");
    }

    [Fact]
    public async Task A_deactivation_from_the_command_line_turns_the_users_token_away_on_its_next_request()
    {
        var token = await web.ClientAsAsync("jor.deputy");
        await using (var scope = web.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IsolatedSender>().Send(new DeactivateUser("jor.deputy", "admin")); // as `user deactivate` does: no sign-in account touched

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("jor.deputy"));
    }

    [Fact]
    public async Task Administrators_give_and_take_away_roles_bad_input_is_a_problem_and_the_last_administrator_stays()
    {
        var admin = await web.ClientAsAsync("admin");

        var given = await admin.PostAsJsonAsync("/api/v1/users/jor.deputy/roles", new { role = "legal-advisor" });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Equal(["legal-advisor", "national-approver"], (await given.Content.ReadFromJsonAsync<UserView>(JsonFormat.Strict))!.Roles);
        var taken = await admin.DeleteAsync("/api/v1/users/jor.deputy/roles/national-approver");
        Assert.Equal(["legal-advisor"], (await taken.Content.ReadFromJsonAsync<UserView>(JsonFormat.Strict))!.Roles);

        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/v1/users/jor.deputy/roles", new { role = "Legal Advisor" }), 400, "role");
        await AssertProblemAsync(await admin.DeleteAsync("/api/v1/users/jor.deputy/roles/legal-advisor"), 400, "role"); // their only role
        await AssertProblemAsync(await admin.PostAsync("/api/v1/users/admin/deactivation", null), 400, "name");
        await AssertProblemAsync(await admin.DeleteAsync("/api/v1/users/admin/roles/admin"), 400, "role");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/users/nobody/deactivation", null)).StatusCode);
        var approver = await web.ClientAsAsync("jor.approver");
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostAsJsonAsync("/api/v1/users/jor.approver/roles", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.GetAsync("/api/v1/steps")).StatusCode);

        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.Equal(WebFixture.Staff.Length + 1, users.GetProperty("users").GetArrayLength());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task The_users_page_says_nations_roles_and_deactivation_in_words_and_deactivates_with_the_form()
    {
        var browser = await BrowserAsAsync("admin");
        var page = await browser.GetStringAsync("/users");
        Assert.Contains("Jordan (JOR)", page);
        Assert.Contains("national approver", page);
        Assert.DoesNotContain(">national-approver<", page);

        var posted = await browser.PostAsync("/users?handler=Deactivate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "jor.deputy", ["__RequestVerificationToken"] = CookieApiTests.Token(page),
        }));
        var after = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("jor.deputy is deactivated: signed out everywhere", after);
        Assert.Matches(@"Deactivated</span> on 11 Jan 2027, 09:00 UTC", after);

        var refused = await browser.PostAsync("/users?handler=Deactivate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "admin", ["__RequestVerificationToken"] = CookieApiTests.Token(after),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("admin is the last administrator and cannot be deactivated", await refused.Content.ReadAsStringAsync());
    }
}
