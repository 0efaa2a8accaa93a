using ExercisePlanner.Core;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Persistence;

/// <summary>
/// Issue 11, finding 1: an SQLite commit is handed to the operating system, not synced, inside the writer lock (WAL
/// with synchronous=NORMAL; a killed process still loses nothing, <see cref="Resilience.CrashSafetyTests"/>).
/// </summary>
public sealed class SqliteDurabilityTests : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateSqlite("durability");

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Every_connection_writes_ahead_and_syncs_at_checkpoints()
    {
        await using var services = PlannerServices.Build(_database.Settings);
        await services.InitializePlannerAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();

        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode").SingleAsync());
        // 1 = NORMAL (2 = FULL, SQLite's default).
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT synchronous AS \"Value\" FROM pragma_synchronous").SingleAsync());
    }
}
