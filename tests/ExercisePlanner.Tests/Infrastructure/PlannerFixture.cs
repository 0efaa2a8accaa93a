using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Documents;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Respawn;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>
/// One real SQLite database file for the integration tests, migrated once and emptied by Respawn
/// before each test; reference data (nations) and the migration history stay.
/// </summary>
public sealed class PlannerFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Today = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("planner-tests-").FullName;
    private Respawner _respawner = null!;

    /// <summary>Another folder of workflow definitions than the shipped one, for a fixture of its own.</summary>
    public string? Workflows { get; init; }

    public string DatabasePath => Path.Combine(_directory, "planner.db");
    public TestClock Clock { get; } = new(Today);
    public ServiceProvider Services { get; private set; } = null!;
    public IsolatedSender Sender => Services.GetRequiredService<IsolatedSender>();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        Services = services.AddExercisePlanner(DatabasePath, Workflows).AddPdfDocuments().BuildServiceProvider(validateScopes: true);
        await Services.InitializePlannerAsync();

        await using var connection = await OpenAsync();
        _respawner = await Respawning.CreateAsync(connection);
    }

    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        await _respawner.ResetAsync(connection);
        Clock.Now = Today;
    }

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(Database.ConnectionString(DatabasePath));
        await connection.OpenAsync();
        return connection;
    }

    public Task<T> Send<T>(ICommand<T> command) => Sender.Send(command);
    public Task<T> Send<T>(IQuery<T> query) => Sender.Send(query);

    /// <summary>Runs an assertion or arrangement against the database in a scope of its own.</summary>
    public async Task<T> WithDb<T>(Func<PlannerDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlannerDbContext>());
    }

    /// <summary>A hash of every row in every table, to prove that a refused command changed nothing.</summary>
    public Task<string> FingerprintAsync() => DatabaseFingerprint.OfAsync(Database.ConnectionString(DatabasePath));

    /// <summary>The same database with the services built anew, as after a restart, optionally with other definitions.</summary>
    public async Task<ServiceProvider> RestartAsync(string? workflows = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        var provider = services.AddExercisePlanner(DatabasePath, workflows ?? Workflows).AddPdfDocuments().BuildServiceProvider(validateScopes: true);
        await provider.InitializePlannerAsync();
        return provider;
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PlannerFixture>
{
    public const string Name = "database";
}

/// <summary>Base for tests on the shared database: each test starts from an empty one.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class DatabaseTest(PlannerFixture fixture) : IAsyncLifetime
{
    protected PlannerFixture Fixture { get; } = fixture;

    public Task InitializeAsync() => Fixture.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
}
