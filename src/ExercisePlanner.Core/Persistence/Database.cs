using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Persistence;

/// <summary>Where the SQLite file lives, and how a database is brought up to date on first use.</summary>
public static class Database
{
    public const string PathVariable = "EXERCISEPLANNER_DB";
    public const string DefaultPath = "exerciseplanner.db";
    /// <summary>Seconds a writer of another process waits for SQLite's lock before giving up; writers of one process queue without limit (<see cref="WriterGate"/>).</summary>
    public const int BusyTimeoutSeconds = 30;

    public static string ResolvePath(string? path) =>
        Path.GetFullPath(path ?? Environment.GetEnvironmentVariable(PathVariable) ?? DefaultPath);

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = BusyTimeoutSeconds,
    }.ToString();

    /// <summary>Applies migrations (creating the database if need be); an SQLite file gets its folder and write-ahead logging.</summary>
    public static async Task MigrateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite && Path.GetDirectoryName(db.Database.GetDbConnection().DataSource) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        await db.Database.MigrateAsync(cancellationToken);
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
