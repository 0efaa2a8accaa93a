using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Persistence;

/// <summary>Where the database lives and how it is brought up to date on first use.</summary>
public static class Database
{
    public const string PathVariable = "EXERCISEPLANNER_DB";
    public const string DefaultPath = "exerciseplanner.db";

    public static string ResolvePath(string? path) =>
        Path.GetFullPath(path ?? Environment.GetEnvironmentVariable(PathVariable) ?? DefaultPath);

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30, // seconds a writer waits for SQLite's lock before giving up
    }.ToString();

    /// <summary>Creates the file, applies migrations and switches to write-ahead logging.</summary>
    public static async Task MigrateAsync(PlannerDbContext db, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
