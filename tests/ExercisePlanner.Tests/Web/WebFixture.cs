using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Respawn;

namespace ExercisePlanner.Tests.Web;

/// <summary>
/// The real web host in memory on its own database (see <see cref="TestDatabase"/>), outside Development (so no demo accounts exist):
/// the first admin comes from configuration, as in production. Respawn empties the data between tests
/// and the staff is added again through the API.
/// </summary>
public sealed class WebFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-9";
    private Respawner _respawner = null!;

    public TestDatabase Database { get; } = TestDatabase.Create("web");
    public TestClock Clock { get; } = new(PlannerFixture.Today);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings.Configuration()) builder.UseSetting(key, value);
        builder.UseSetting("Admin:UserName", "admin");
        builder.UseSetting("Admin:Nation", "TUR");
        builder.UseSetting("Admin:Password", Password);
        builder.UseSetting("Timers:SweepSeconds", "3600");
        builder.UseSetting("Mail:SendSeconds", "3600");
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Path.GetTempPath(), "planner-web-mail"));
        builder.UseSetting("Security:LoginsPerMinute", "100000"); // the tests sign in often; one test checks the real limit
        builder.UseSetting("Security:FailedSignInsPerAccountAndAddress", "100000"); // and fail often; SignInThrottleTests checks the real one
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations, definitions, first admin
        _respawner = await Database.RespawnerAsync();
    }

    /// <summary>Empties the database and adds the administrator and the staff again.</summary>
    public async Task ResetAsync()
    {
        await Database.ResetAsync(_respawner);
        Clock.Now = PlannerFixture.Today;
        await using (var scope = Services.CreateAsyncScope())
        {
            // Respawn keeps the definitions and the host's signing keys but empties the trail: they are entered as found.
            await scope.ServiceProvider.GetRequiredService<ExercisePlanner.Core.Persistence.PlannerAuditedTables>()
                .BaselineAsync(new ExercisePlanner.Core.Audit.AuditScope { Action = "Baseline" }, default);
            await scope.ServiceProvider.GetRequiredService<ExercisePlanner.Web.Accounts.AccountsAuditedTables>().BaselineAsync(default);
            await scope.ServiceProvider.GetRequiredService<ExercisePlanner.Web.Accounts.DemoSeed>().SeedAsync(
                Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>(),
                Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        }
        var admin = await ClientAsAsync("admin");
        foreach (var (name, nation, role) in Staff)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", new { name, nation, roles = new[] { role }, title = $"{role} of {nation}", password = Password });
            response.EnsureSuccessStatusCode();
        }
    }

    public static readonly (string Name, string Nation, string Role)[] Staff =
    [
        ("tur.coordinator", "TUR", "coordinator"),
        ("jor.approver", "JOR", "national-approver"),
        ("jor.deputy", "JOR", "national-approver"),
        ("tur.approver", "TUR", "national-approver"),
        ("pak.approver", "PAK", "national-approver"),
        ("mys.approver", "MYS", "national-approver"),
        ("usa.approver", "USA", "national-approver"),
        // Every other role the shipped workflows give the sample's host (JOR) and lead (TUR): a submission needs someone for each.
        ("jor.legal", "JOR", "legal-advisor"),
        ("jor.logistics", "JOR", "logistics-officer"),
        ("jor.security", "JOR", "security-officer"),
        ("tur.director", "TUR", "exercise-director"),
        // The chiefs of staff the contributing nations' overdue steps escalate to.
        ("jor.chief", "JOR", "chief-of-staff"),
        ("tur.chief", "TUR", "chief-of-staff"),
        ("pak.chief", "PAK", "chief-of-staff"),
    ];

    /// <summary>A client with a bearer token for the user, or none for anonymous.</summary>
    public async Task<HttpClient> ClientAsAsync(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is null) return client;
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
