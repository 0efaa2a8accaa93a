using ExercisePlanner.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        System.Environment.GetEnvironmentVariable(ProviderVariable), sqlitePath, System.Environment.GetEnvironmentVariable(ConnectionStringVariable));

    private static readonly SqliteConnectionSettings SqliteConnections = new();

    /// <summary>
    /// Collections are loaded by a query each (split queries): one query joining an instance's steps and
    /// their timers made SQLite build that join for every step in the database before filtering.
    /// </summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)).AddInterceptors(SqliteConnections);
        else options.UseNpgsql(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
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

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqlitePath => Provider == DatabaseProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>The settings as the web host's configuration keys.</summary>
    public IReadOnlyDictionary<string, string> Configuration() => SqlitePath is { } path
        ? new Dictionary<string, string> { ["Database:Path"] = path }
        : new Dictionary<string, string> { ["Database:Provider"] = nameof(DatabaseProvider.Postgres), ["Database:ConnectionString"] = ConnectionString };

    /// <summary>The settings as environment variables, read by the web host and the command line alike.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var variables = Configuration().ToDictionary(setting => setting.Key.Replace(":", "__"), setting => setting.Value);
        if (SqlitePath is { } path) variables[Database.PathVariable] = path;
        return variables;
    }
}
