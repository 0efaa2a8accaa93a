using System.Net;
using System.Net.Http.Json;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ExercisePlanner.Tests.Web;

/// <summary>Issue 11, finding 5: wrong passwords cannot lock an owner out, and unknown or deactivated names cost a password hash like known ones.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInThrottleTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string AddressHeader = "X-Test-Address";

    [Fact]
    public async Task A_stranger_guessing_passwords_throttles_only_themselves()
    {
        await using var host = web.WithWebHostBuilder(b => b.UseSetting("Security:FailedSignInsPerAccountAndAddress", "5")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>()));
        var client = host.CreateClient();
        async Task<HttpStatusCode> SignInAsync(string address, string password)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { userName = "jor.approver", password }) };
            request.Headers.Add(AddressHeader, address);
            return (await client.SendAsync(request)).StatusCode;
        }

        var stranger = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) stranger.Add(await SignInAsync("203.0.113.9", $"guess-{i}"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], stranger);
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync("203.0.113.9", WebFixture.Password));
        // The owner, from their own address, is not locked out.
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("198.51.100.7", WebFixture.Password));
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_like_a_known_one()
    {
        var counting = new CountingHasher();
        await using var host = web.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<IdentityUser>>(counting))));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var known = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "jor.approver", password = "wrong-password" });
        var afterKnown = counting.Verifications;
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "no.such.user", password = "wrong-password" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (known.StatusCode, unknown.StatusCode));
        var title = (await unknown.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString();
        Assert.Equal((await known.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString(), title);
        Assert.Equal(1, afterKnown);
        Assert.Equal(2, counting.Verifications);

        // A deactivated account: refused before its password is looked at, yet in the time of a hash, and in the same words.
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IsolatedSender>().Send(new DeactivateUser("jor.approver", "admin"));
        var deactivated = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "jor.approver", password = WebFixture.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, deactivated.StatusCode);
        Assert.Equal(title, (await deactivated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(3, counting.Verifications);
    }

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers[AddressHeader] is [{ } address]) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return following(context);
            });
            next(app);
        };
    }

    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;
        public int Verifications => _verifications;

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
