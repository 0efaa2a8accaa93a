using ExercisePlanner.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ExercisePlanner.Testing;

/// <summary>
/// A throw-away database: an SQLite file in a temporary folder, or, given a PostgreSQL server, a
/// database of its own on that server (created on first migration, dropped on disposal).
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string? _postgresName;

    public ScratchDatabase(string name, string? postgresServer)
    {
        Folder = Directory.CreateTempSubdirectory("planner-").FullName;
        if (postgresServer is null)
        {
            Settings = DatabaseSettings.Sqlite(Path.Combine(Folder, name + ".db"));
            return;
        }
        _server = postgresServer;
        _postgresName = $"planner_{name.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        Settings = DatabaseSettings.Postgres(new NpgsqlConnectionStringBuilder(postgresServer) { Database = _postgresName }.ToString());
    }

    public DatabaseSettings Settings { get; }

    /// <summary>A folder of its own, for files beside the database (PDFs, inputs, the SQLite file).</summary>
    public string Folder { get; }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ToString());
            await server.OpenAsync();
            await using var drop = server.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
