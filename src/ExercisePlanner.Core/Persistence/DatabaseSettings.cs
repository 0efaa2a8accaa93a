using ExercisePlanner.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExercisePlanner.Core.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Which database the planner keeps its state in: an SQLite file (the default, one machine) or a
/// PostgreSQL server that several web nodes share.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The environment variables that name the provider and server; the web host reads the same keys as <c>Database:Provider</c> and <c>Database:ConnectionString</c>.</summary>
    public const string ProviderVariable = "Database__Provider";
    public const string ConnectionStringVariable = "Database__ConnectionString";

    public static DatabaseSettings Sqlite(string? path) =>
        new(DatabaseProvider.Sqlite, Database.ConnectionString(Database.ResolvePath(path)));

    public static DatabaseSettings Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>Settings from configuration values; an SQLite file unless the provider says otherwise.</summary>
    public static DatabaseSettings Resolve(string? provider, string? sqlitePath, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
            return Sqlite(sqlitePath);
        if (!provider.Equals(nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException("Database:Provider", $"'{provider}' is not known; use Sqlite or Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidInputException("Database:ConnectionString", "must be set when Database:Provider is Postgres");
        return Postgres(connectionString);
    }

    /// <summary>Settings from the environment, for programs without a configuration file (the command line).</summary>
    public static DatabaseSettings FromEnvironment(string? sqlitePath) => Resolve(
        Environment.GetEnvironmentVariable(ProviderVariable), sqlitePath, Environment.GetEnvironmentVariable(ConnectionStringVariable));

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite) options.UseSqlite(ConnectionString);
        else options.UseNpgsql(ConnectionString);
    }

    /// <summary>
    /// Registers <typeparamref name="TContext"/> as the provider's subclass: each provider keeps its
    /// own migrations, and EF finds them by the context type.
    /// </summary>
    public IServiceCollection AddContext<TContext, TSqlite, TPostgres>(IServiceCollection services)
        where TContext : DbContext where TSqlite : TContext where TPostgres : TContext =>
        Provider == DatabaseProvider.Sqlite
            ? services.AddDbContext<TContext, TSqlite>(Configure)
            : services.AddDbContext<TContext, TPostgres>(Configure);

    /// <summary>Where the data is, for logs and messages; never the password.</summary>
    public override string ToString()
    {
        if (Provider == DatabaseProvider.Sqlite) return "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var server = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {server.Host}:{server.Port}/{server.Database}";
    }
}
