using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

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
