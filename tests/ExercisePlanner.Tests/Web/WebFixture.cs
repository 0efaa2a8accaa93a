using System.Net.Http.Headers;
using System.Net.Http.Json;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Respawn;

namespace ExercisePlanner.Tests.Web;

/// <summary>
/// The real web host in memory on its own SQLite file, outside Development (so no demo accounts exist):
/// the first admin comes from configuration, as in production. Respawn empties the data between tests
/// and the staff is added again through the API.
/// </summary>
public sealed class WebFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-9";
    private readonly string _directory = Directory.CreateTempSubdirectory("planner-web-").FullName;
    private Respawner _respawner = null!;

    public string DatabasePath => Path.Combine(_directory, "web.db");
    public TestClock Clock { get; } = new(PlannerFixture.Today);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Admin:UserName", "admin");
        builder.UseSetting("Admin:Nation", "TUR");
        builder.UseSetting("Admin:Password", Password);
        builder.UseSetting("Timers:SweepSeconds", "3600");
        builder.UseSetting("Security:LoginsPerMinute", "100000"); // the tests sign in often; one test checks the real limit
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task InitializeAsync()
    {
        _ = Server; // starts the host: migrations, definitions, first admin
        await using var connection = Open();
        await connection.OpenAsync();
        _respawner = await Respawning.CreateAsync(connection);
    }

    /// <summary>Empties the database and adds the administrator and the staff again.</summary>
    public async Task ResetAsync()
    {
        await using (var connection = Open())
        {
            await connection.OpenAsync();
            await _respawner.ResetAsync(connection);
        }
        Clock.Now = PlannerFixture.Today;
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExercisePlanner.Web.Accounts.DemoSeed>().SeedAsync(
                Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>(),
                Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
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

    private SqliteConnection Open() => new(Database.ConnectionString(DatabasePath));

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
