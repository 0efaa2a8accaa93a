using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Web;

/// <summary>Issue 11, finding 2 over the API: sign-out, a password change and an administrator's reset end every earlier token.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpStatusCode> SignInAsync(string user, string password) =>
        (await web.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password })).StatusCode;

    [Fact]
    public async Task Signing_out_revokes_the_token()
    {
        var approver = await web.ClientAsAsync("jor.approver");
        var copy = web.CreateClient();
        copy.DefaultRequestHeaders.Authorization = approver.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync("/api/v1/auth/signout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await web.ClientAsAsync("jor.approver")).GetAsync("/api/v1/steps")).StatusCode);
    }

    [Fact]
    public async Task A_password_change_revokes_earlier_tokens_and_needs_the_current_password()
    {
        var approver = await web.ClientAsAsync("jor.approver");
        var other = await web.ClientAsAsync("jor.approver"); // another device

        var wrong = await approver.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not-it-at-all", newPassword = "Brand-New-Secret-7" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));
        var weak = await approver.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = WebFixture.Password, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/steps")).StatusCode);

        var changed = await approver.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = WebFixture.Password, newPassword = "Brand-New-Secret-7" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await approver.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("jor.approver", WebFixture.Password));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("jor.approver", "Brand-New-Secret-7"));
    }

    [Fact]
    public async Task An_administrator_resets_a_password_and_the_users_sessions_end()
    {
        var approver = await web.ClientAsAsync("jor.approver");
        var admin = await web.ClientAsAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/users/nobody/password", new { password = "Reset-By-Admin-42" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/users/jor.approver/password", new { password = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/users/jor.approver/password", new { password = "Reset-By-Admin-42" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await approver.GetAsync("/api/v1/steps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("jor.approver", "Reset-By-Admin-42"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/steps")).StatusCode);
    }
}

/// <summary>Issue 11, finding 10: adding a user keeps the planner user and the sign-in account together.</summary>
[Collection(WebCollection.Name)]
public sealed class AddUserTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("JOR.APPROVER", "name")]        // Identity takes names case-insensitively: jor.approver has it
    [InlineData("jor.second", "password")]      // a password Identity refuses
    public async Task A_refused_sign_in_account_leaves_no_planner_user(string name, string field)
    {
        var admin = await web.ClientAsAsync("admin");
        var password = field == "password" ? "alllowercaseletters" : WebFixture.Password;
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { name, nation = "JOR", roles = new[] { "national-approver" }, title = "Maj Test", password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), body);
        await using var scope = web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExercisePlanner.Core.Persistence.PlannerDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Name == name));
    }
}

/// <summary>Issue 11, finding 10: addresses that name no document kind end on a 404, not on an error.</summary>
[Collection(WebCollection.Name)]
public sealed class MissingPageTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/api/v1/proposals/NORTHERN-BRIDGE-27/documents/7")]
    [InlineData("/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan,Record")]
    [InlineData("/documents/7")]
    public async Task An_unknown_document_address_is_not_found(string path)
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(File.ReadAllText(Samples.ProposalFile), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var response = await coordinator.GetAsync(path);
        Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
