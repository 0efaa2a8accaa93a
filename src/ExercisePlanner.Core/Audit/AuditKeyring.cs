using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Audit;

/// <summary>Holds the installation's <see cref="AuditKey"/>, loaded (or, outside Production, created) when the host starts.</summary>
public sealed class AuditKeyring(AuditKeySettings settings, DatabaseSettings database)
{
    private AuditKey? _key;

    /// <summary>The key; one that does not exist yet is created by <see cref="LoadAsync"/> when the host starts.</summary>
    public AuditKey Key => _key ??= Existing()
        ?? throw new InvalidOperationException("The audit key is created when the host starts (InitializePlannerAsync).");

    public async Task LoadAsync(PlannerDbContext db, CancellationToken cancellationToken)
    {
        if ((_key ??= Existing()) is not null) return;
        var file = settings.FileFor(database);
        if (!settings.MayCreate)
            throw new Domain.InvalidInputException(AuditKeySettings.KeyFileSetting,
                $"the audit key file {file} does not exist: Production needs an audit key kept outside the database ({AuditKeySettings.KeyFileSetting} or {AuditKeySettings.KeySetting}, see docs/security.md)");
        _key = Create(file, await KeyedFromAsync(db, file, cancellationToken));
    }

    private AuditKey? Existing()
    {
        if (!string.IsNullOrWhiteSpace(settings.Key))
            return new AuditKey(AuditKey.Decode(settings.Key, AuditKeySettings.KeySetting), settings.KeyedFrom);
        var file = settings.FileFor(database);
        return File.Exists(file) ? AuditKey.Parse(File.ReadAllText(file), file) : null;
    }

    /// <summary>
    /// A new key keys the entries after the newest one. That is only right for an empty trail or one written before
    /// keyed audit (plain SHA-256): a keyed trail whose key went missing must not be continued with another key.
    /// </summary>
    private static async Task<long> KeyedFromAsync(PlannerDbContext db, string file, CancellationToken cancellationToken)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return 1;
        if (AuditChain.UnkeyedHashOf(head) == head.Hash) return head.Sequence + 1;
        throw new Domain.InvalidInputException(AuditKeySettings.KeyFileSetting,
            $"this database's audit trail is keyed, but its key file {file} was not found: set {AuditKeySettings.KeyFileSetting} to the key it was written with");
    }

    private static AuditKey Create(string file, long keyedFrom)
    {
        var key = AuditKey.Generate(keyedFrom);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        try
        {
            // CreateNew: when two processes start on a new database together, one key wins and both use it.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(file, options);
            using var writer = new StreamWriter(stream);
            writer.Write(key.ToFileText());
            return key;
        }
        catch (IOException) when (File.Exists(file))
        {
            return AuditKey.Parse(File.ReadAllText(file), file);
        }
    }
}
