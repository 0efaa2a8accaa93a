using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// Copies SQLite's write-ahead log into the database file after writes, in the background. Left to SQLite, the
/// commit that grew the log past 1,000 pages did it (several megabytes copied and two syncs) while still holding
/// the writer lock, and every other writer waited. A passive checkpoint lets writers go on meanwhile; requests that
/// arrive while one runs make one more, not one each. The planner's connections turn SQLite's own off
/// (<see cref="SqliteConnectionSettings"/>); a process without this (a one-off command) checkpoints when it closes the file.
/// </summary>
internal sealed class SqliteCheckpoints : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _running;

    public SqliteCheckpoints(string connectionString)
    {
        // Never creates the file: a checkpoint asked for just before the database went away finds nothing to do.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        _running = Task.Run(RunAsync);
    }

    /// <summary>Asks for a checkpoint once the current one (if any) is done; never waits.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync())
        {
            try
            {
                await using var connection = new SqliteConnection(_connectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (SqliteException)
            {
                // Busy or gone: the log stays valid and the next write asks again.
            }
        }
    }

    /// <summary>No more requests; the one asked for last still runs.</summary>
    public void Stop() => _requests.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        Stop();
        await _running;
    }
}
