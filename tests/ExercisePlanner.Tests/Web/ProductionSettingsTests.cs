using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Web.Accounts;
using ExercisePlanner.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ExercisePlanner.Tests.Web;

/// <summary>Issue 11, finding 8: what a Production host refuses to start without, and what it does once started.</summary>
public sealed class ProductionSettingsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("production");
    private string _certificate = "";

    public Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ExercisePlanner keys", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _certificate = Path.Combine(_database.Folder, "keys.pfx");
        File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private WebApplicationFactory<Program> Host(string environment, IDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in _database.Settings.Configuration()) builder.UseSetting(key, value);
            builder.UseSetting("Timers:SweepSeconds", "3600");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });

    private Dictionary<string, string?> Production() => new()
    {
        [ProductionSettings.CertificatePath] = _certificate,
        [ProductionSettings.CertificatePassword] = "pfx-password",
        ["AllowedHosts"] = "planner.example",
        [AuditKeySettings.KeyFileSetting] = AuditKeyFile,
    };

    // Created by the first start in Development, given to Production.
    private string AuditKeyFile => Path.Combine(_database.Folder, "audit.key");

    [Fact]
    public void Production_refuses_to_start_without_a_key_certificate_a_host_list_or_an_audit_key()
    {
        var noCertificate = Production();
        noCertificate.Remove(ProductionSettings.CertificatePath);
        using var first = Host("Production", noCertificate);
        Assert.Contains(ProductionSettings.CertificatePath, Assert.ThrowsAny<Exception>(() => first.CreateClient()).ToString());

        var anyHost = Production();
        anyHost["AllowedHosts"] = "*";
        using var second = Host("Production", anyHost);
        Assert.Contains("AllowedHosts", Assert.ThrowsAny<Exception>(() => second.CreateClient()).ToString());

        var noAuditKey = Production();
        noAuditKey.Remove(AuditKeySettings.KeyFileSetting);
        using var third = Host("Production", noAuditKey);
        Assert.Contains($"Production needs an audit key kept outside the database: set {AuditKeySettings.KeyFileSetting}",
            Assert.ThrowsAny<Exception>(() => third.CreateClient()).ToString());

        // Named but missing: Production does not make one up (Development would).
        using var fourth = Host("Production", Production());
        Assert.Contains($"the audit key file {AuditKeyFile} does not exist", Assert.ThrowsAny<Exception>(() => fourth.CreateClient()).ToString());
        Assert.False(File.Exists(AuditKeyFile));
    }

    [Fact]
    public async Task Production_filters_hosts_sends_hsts_secure_cookies_no_store_and_refuses_the_demo_password()
    {
        // First started in Development: the demo staff have the demo password.
        await using (var development = Host("Development", new Dictionary<string, string?> { [AuditKeySettings.KeyFileSetting] = AuditKeyFile }))
            Assert.Equal(HttpStatusCode.OK, (await development.CreateClient().PostAsJsonAsync("/api/v1/auth/token",
                new { userName = "jor.approver", password = DemoSeed.DevelopmentPassword })).StatusCode);

        await using var production = Host("Production", Production());
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://planner.example"), AllowAutoRedirect = false });

        var demo = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "jor.approver", password = DemoSeed.DevelopmentPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal("no-store", demo.Headers.CacheControl?.ToString());
        Assert.StartsWith("max-age=31536000", demo.Headers.GetValues("Strict-Transport-Security").Single());

        var login = await client.GetAsync("/login");
        Assert.All(login.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));

        var foreign = new HttpRequestMessage(HttpMethod.Get, "/login");
        foreign.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
    }
}
