using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ExercisePlanner.Core.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;
using Respawn;
using Respawn.Graph;
using ExercisePlanner.Testing;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>
/// A database of a fixture's own: an SQLite file in a temporary folder, or, when
/// <c>EXERCISEPLANNER_TEST_POSTGRES</c> names a PostgreSQL server, a database of its own on that
/// server, dropped afterwards. The same tests run on both; only this class knows which.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "EXERCISEPLANNER_TEST_POSTGRES";
    private static readonly string? Server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    private readonly ScratchDatabase _scratch;

    private TestDatabase(string name, bool postgres) => _scratch = new ScratchDatabase(name, postgres ? Server : null);

    public static TestDatabase Create(string name) => new(name, postgres: Server is not null);

    /// <summary>An SQLite file whatever the server, for what only a file can show (the command line's <c>--db</c>).</summary>
    public static TestDatabase CreateSqlite(string name) => new(name, postgres: false);

    public DatabaseSettings Settings => _scratch.Settings;
    private bool OnPostgres => Settings.Provider == DatabaseProvider.Postgres;
    public string? SqlitePath => Settings.SqlitePath;

    /// <summary>A folder of the fixture's own, for files beside the database (PDFs, inputs).</summary>
    public string Folder => _scratch.Folder;

    /// <summary>The settings as environment variables, for the web host and the command line started as processes.</summary>
    public void ApplyTo(IDictionary<string, string?> environment)
    {
        foreach (var (key, value) in Settings.Environment()) environment[key] = value;
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = OnPostgres ? new NpgsqlConnection(Settings.ConnectionString) : new SqliteConnection(Settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Empties every table but the reference data: nations, the workflow definition versions synchronised at start-up, and the running host's signing keys.</summary>
    public async Task<Respawner> RespawnerAsync()
    {
        await using var connection = await OpenAsync();
        return await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = OnPostgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
            SchemasToInclude = OnPostgres ? ["public"] : [],
            WithReseed = true,
            TablesToIgnore = [new Table("Nations"), new Table("WorkflowDefinitions"), new Table("DataProtectionKeys"), new Table("__EFMigrationsHistory")],
        });
    }

    public async Task ResetAsync(Respawner respawner)
    {
        await using var connection = await OpenAsync();
        await respawner.ResetAsync(connection);
    }

    /// <summary>
    /// Makes any update of a proposal to <paramref name="status"/> fail inside the database, as a disk
    /// or constraint failure would, until the returned handle is disposed.
    /// </summary>
    public async Task<IAsyncDisposable> FailProposalUpdatesToAsync(string status)
    {
        if (OnPostgres)
        {
            await ExecuteAsync($"""
                CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
                CREATE TRIGGER injected_failure BEFORE UPDATE ON "Proposals" FOR EACH ROW WHEN (NEW."Status" = '{status}') EXECUTE FUNCTION injected_failure();
                """);
            return new Cleanup(() => ExecuteAsync("""DROP TRIGGER injected_failure ON "Proposals"; DROP FUNCTION injected_failure();"""));
        }
        await ExecuteAsync($"""CREATE TRIGGER injected_failure BEFORE UPDATE ON "Proposals" WHEN NEW."Status" = '{status}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END""");
        return new Cleanup(() => ExecuteAsync("DROP TRIGGER injected_failure"));
    }

    private sealed class Cleanup(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }

    /// <summary>A hash of every row of every table: equal fingerprints mean nothing was written.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = await OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = OnPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var content = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            // Rows in a canonical order: neither provider promises one without ORDER BY.
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                    row.Append(reader.GetValue(i) switch { byte[] bytes => Convert.ToHexString(bytes), var value => value }).Append('|');
                rows.Add(row.ToString());
            }
            rows.Sort(StringComparer.Ordinal);
            content.Append(table).Append('\n').AppendJoin('\n', rows).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }

    public ValueTask DisposeAsync() => _scratch.DisposeAsync();
}
