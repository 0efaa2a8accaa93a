using System.Text;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Persistence;

/// <summary>
/// Issue 11, finding 1: an SQLite commit inside the writer lock only hands the log to the operating system (WAL with
/// synchronous=NORMAL; a killed process still loses nothing, <see cref="Resilience.CrashSafetyTests"/>), and the
/// log is copied into the database file after the lock is released, not by whichever commit grew it too long.
/// </summary>
public sealed class SqliteCommitTests : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateSqlite("commits");

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Every_connection_writes_ahead_syncs_at_checkpoints_and_leaves_checkpoints_to_the_gate()
    {
        await using var services = PlannerServices.Build(_database.Settings);
        await services.InitializePlannerAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("1", await Pragma(db, "synchronous")); // NORMAL; SQLite's default is 2, FULL
        Assert.Equal("0", await Pragma(db, "wal_autocheckpoint")); // SQLite's default: 1,000 pages, in the commit that passes them
    }

    [Fact]
    public async Task What_a_writer_committed_reaches_the_database_file_after_it_let_go()
    {
        await using var services = PlannerServices.Build(_database.Settings);
        await services.InitializePlannerAsync();
        var sender = services.GetRequiredService<Core.Common.IsolatedSender>();
        await sender.Send(new AddUser("tur.coordinator", "TUR", ["coordinator"]));

        // A small write: far below the 1,000 pages after which SQLite itself would copy the log into the file.
        await sender.Send(new ImportProposal(Samples.Proposal() with { Code = "CHECKPOINTED-27" }, "tur.coordinator"));

        var code = Encoding.UTF8.GetBytes("CHECKPOINTED-27");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!InFile(_database.SqlitePath!, code) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(InFile(_database.SqlitePath!, code), "the committed proposal is still only in the write-ahead log");
    }

    /// <summary>A setting as the context's own connection has it (opened by EF, as every command's is).</summary>
    private static async Task<string> Pragma(PlannerDbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static bool InFile(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        file.CopyTo(memory);
        return memory.GetBuffer().AsSpan(0, (int)memory.Length).IndexOf(bytes) >= 0;
    }
}
