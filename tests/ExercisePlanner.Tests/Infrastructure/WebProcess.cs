using ExercisePlanner.Testing;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>The web host as a real process, in Development (demo staff seeded), on a database of its own.</summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly WebHostProcess _host;

    public WebProcess(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Security__LoginsPerMinute"] = "100", // nine people sign in within seconds
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        Database.ApplyTo(environment);
        _host = new WebHostProcess(Database.Folder, environment);
    }

    public TestDatabase Database { get; } = TestDatabase.Create("web");
    public string BaseUrl => _host.BaseUrl;

    public Task StartAsync() => _host.StartAsync();
    public Task KillAsync() => _host.KillAsync();
    public Task<string> TokenAsync(HttpClient http, string user, string password) => _host.TokenAsync(http, user, password);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>Tests that start web hosts as processes take turns: on two cores, two hosts and a browser at once starve each other.</summary>
[CollectionDefinition(Name)]
public sealed class HostProcesses
{
    public const string Name = "host processes";
}
