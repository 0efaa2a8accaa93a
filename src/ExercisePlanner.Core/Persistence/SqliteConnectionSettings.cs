using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// What a commit costs inside the writer lock on SQLite, set on every connection as it opens (both settings are per
/// connection). <c>wal_autocheckpoint=0</c>: checkpoints run after the lock is released (<see cref="SqliteCheckpoints"/>).
/// Durability: the file is in WAL mode, where <c>synchronous=NORMAL</c> hands each commit to the operating system and syncs the
/// log at checkpoints instead of at every commit: a killed process loses nothing it committed and the file is never
/// corrupted; a power cut or an operating-system crash may undo the commits made since the last checkpoint (each
/// as a whole, so the audit chain stays whole). <c>FULL</c>, the default, synced the log inside every writer's lock
/// (docs/benchmarks.md, "The writer lock under the largest requests").
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
