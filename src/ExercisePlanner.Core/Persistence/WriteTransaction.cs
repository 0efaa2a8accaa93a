using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// The writers of one node (one service provider) queue here, in order and without polling, before they
/// ask the database for its writer lock. SQLite's own busy handling sleeps and retries, which under
/// concurrent requests cost more than the writes themselves; across nodes the database's lock still decides.
/// On SQLite the gate also has the log checkpointed once a writer lets go (<see cref="SqliteCheckpoints"/>).
/// </summary>
public sealed class WriterGate(DatabaseSettings? database = null) : IAsyncDisposable, IDisposable
{
    private readonly SqliteCheckpoints? _checkpoints = database?.SqlitePath is null ? null : new SqliteCheckpoints(database.ConnectionString);

    internal SemaphoreSlim Semaphore { get; } = new(1, 1);

    /// <summary>A writer let go: what it wrote may now be checkpointed, outside the lock.</summary>
    internal void Released() => _checkpoints?.Request();

    public ValueTask DisposeAsync() => _checkpoints?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _checkpoints?.Stop();
}

/// <summary>
/// A transaction holding this node's writer gate and the database's writer lock until it ends. Every write
/// of a host takes one, the sign-in accounts' included, so a writer waits its turn instead of failing on a lock.
/// </summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    // Any fixed number: the PostgreSQL advisory lock that stands for "the writer".
    private const long WriterLock = 0x45504C4E; // "EPLN"

    /// <summary>How long each writer held the lock: what every other writer may have to wait (benchmarks and operators read it).</summary>
    public const string MeterName = "ExercisePlanner.Persistence";
    private static readonly Histogram<double> Held = new Meter(MeterName).CreateHistogram<double>(
        "exerciseplanner.writer_lock.held", "ms", "How long a write transaction held the writer lock");

    private readonly IDbContextTransaction _transaction;
    private readonly WriterGate _gate;
    private readonly long _acquired = Stopwatch.GetTimestamp();

    private WriteTransaction(IDbContextTransaction transaction, WriterGate gate) => (_transaction, _gate) = (transaction, gate);

    public static async Task<WriteTransaction> BeginAsync(DatabaseFacade database, WriterGate gate, CancellationToken cancellationToken)
    {
        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE on SQLite takes the file's write lock; PostgreSQL needs the advisory lock for it.
            var transaction = await database.BeginTransactionAsync(cancellationToken);
            if (database.IsNpgsql())
                await database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriterLock})", cancellationToken);
            return new WriteTransaction(transaction, gate);
        }
        catch
        {
            gate.Semaphore.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try { await _transaction.DisposeAsync(); }
        finally
        {
            _gate.Semaphore.Release();
            Held.Record(Stopwatch.GetElapsedTime(_acquired).TotalMilliseconds);
            _gate.Released();
        }
    }
}
