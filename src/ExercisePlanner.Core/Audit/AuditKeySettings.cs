using ExercisePlanner.Core.Persistence;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// Where the audit key comes from: <c>Audit:Key</c> (base64, with <c>Audit:KeyedFrom</c>), else the key file
/// <c>Audit:KeyFile</c>, else a key file next to the data. Outside Production a missing file is created on first
/// start (<see cref="MayCreate"/>); Production must be given one.
/// </summary>
public sealed record AuditKeySettings(string? Key, string? KeyFile, long KeyedFrom, bool MayCreate)
{
    public const string KeySetting = "Audit:Key";
    public const string KeyFileSetting = "Audit:KeyFile";
    public const string KeyedFromSetting = "Audit:KeyedFrom";

    public bool IsGiven => !string.IsNullOrWhiteSpace(Key) || !string.IsNullOrWhiteSpace(KeyFile);

    /// <summary>The settings from a configuration (the web host) or the environment (the command line, <c>Audit__Key</c>…).</summary>
    public static AuditKeySettings Read(Func<string, string?> setting, bool production)
    {
        var from = setting(KeyedFromSetting);
        if (from is not null && (!long.TryParse(from, out var keyedFrom) || keyedFrom < 1))
            throw new Domain.InvalidInputException(KeyedFromSetting, "must be a whole number from 1");
        return new AuditKeySettings(setting(KeySetting), setting(KeyFileSetting), from is null ? 1 : long.Parse(from), MayCreate: !production);
    }

    public static AuditKeySettings FromEnvironment() => Read(
        name => Environment.GetEnvironmentVariable(name.Replace(":", "__")) is { Length: > 0 } value ? value : null,
        production: (Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")) == "Production");

    /// <summary>The key file used when none is named: beside the SQLite file, or per server and database for PostgreSQL.</summary>
    public string FileFor(DatabaseSettings database)
    {
        if (!string.IsNullOrWhiteSpace(KeyFile)) return KeyFile;
        if (database.SqlitePath is { } path) return path + ".audit-key";
        var server = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ExercisePlanner", "audit-keys");
        return Path.Combine(folder, $"{server.Host}-{server.Port}-{server.Database ?? server.Username}.audit-key");
    }
}
