using ExercisePlanner.Core;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Respawn;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>
/// One real database for the integration tests (an SQLite file, or PostgreSQL: see <see cref="TestDatabase"/>),
/// migrated once and emptied by Respawn before each test; reference data (nations) and the migration history stay.
/// </summary>
public sealed class PlannerFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Today = new(2027, 1, 11, 9, 0, 0, TimeSpan.Zero);

    private Respawner _respawner = null!;

    /// <summary>Another folder of workflow definitions than the shipped one, for a fixture of its own.</summary>
    public string? Workflows { get; init; }

    public TestDatabase Database { get; } = TestDatabase.Create("planner");
    public TestClock Clock { get; } = new(Today);
    public ServiceProvider Services { get; private set; } = null!;
    public IsolatedSender Sender => Services.GetRequiredService<IsolatedSender>();

    public async Task InitializeAsync()
    {
        Services = await RestartAsync();
        _respawner = await Database.RespawnerAsync();
    }

    public async Task ResetAsync()
    {
        await Database.ResetAsync(_respawner);
        Clock.Now = Today;
        // Respawn keeps the workflow definitions but empties the trail: they are entered as found, as after an upgrade.
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlannerAuditedTables>().BaselineAsync(new AuditScope { Action = "Baseline" }, default);
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
    public Task<string> FingerprintAsync() => Database.FingerprintAsync();

    /// <summary>The same database with the services built anew, as after a restart, optionally with other definitions.</summary>
    public async Task<ServiceProvider> RestartAsync(string? workflows = null)
    {
        var provider = PlannerServices.Build(Database.Settings, Clock, workflows ?? Workflows);
        await provider.InitializePlannerAsync();
        return provider;
    }

    /// <summary>Restarts the fixture's own services, as a host started anew on the same database.</summary>
    public async Task ReplaceServicesAsync()
    {
        await Services.DisposeAsync();
        Services = await RestartAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
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
