using System.Text.Json;
using ExercisePlanner.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// Appends the audit entries of one save, for any context that maps <see cref="AuditEntry"/> (the planner's and
/// the sign-in accounts'): both write one chain, each inside its writer transaction, so the head cannot move under it.
/// </summary>
public static class AuditTrail
{
    /// <summary>The table's mapping; a context that does not own the table (<paramref name="ownsTable"/> false) leaves it out of its migrations.</summary>
    public static void Map(ModelBuilder model, bool ownsTable = true) => model.Entity<AuditEntry>(entry =>
    {
        entry.ToTable("AuditEntries", table => { if (!ownsTable) table.ExcludeFromMigrations(); });
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.HasIndex(e => new { e.EntityType, e.EntityKey });
    });

    /// <summary>Writes an entry for each audited change among <paramref name="tracked"/>, in the transaction the caller's save then writes the changes in.</summary>
    public static Task AppendAsync(DbContext context, IReadOnlyList<EntityEntry> tracked, AuditedModel model,
        AuditScope scope, DateTimeOffset now, AuditKey key, CancellationToken cancellationToken) =>
        AppendAsync(context, Changes(context, tracked, model).ToList(), scope, now, key, cancellationToken);

    /// <summary>The audited changes among <paramref name="tracked"/>.</summary>
    public static IEnumerable<AuditChange> Changes(DbContext context, IReadOnlyList<EntityEntry> tracked, AuditedModel model) =>
        Keyed(context, tracked, model, entry => entry.State);

    /// <summary>
    /// An <c>Added</c> change for each of <paramref name="inserted"/>: records written without the change tracker
    /// (<see cref="AppendedRows"/>). A key may name a parent among them.
    /// </summary>
    public static IEnumerable<AuditChange> Added(DbContext context, IReadOnlyCollection<object> inserted, AuditedModel model) =>
        // Entries of untracked records read the records' own values, and start nothing being tracked.
        Keyed(context, inserted.Select(context.Entry).ToList(), model, _ => EntityState.Added);

    private static IEnumerable<AuditChange> Keyed(DbContext context, IReadOnlyList<EntityEntry> entries, AuditedModel model, Func<EntityEntry, EntityState> change)
    {
        var records = new TrackedRecords(context, entries);
        return entries.Select(e => (Entry: e, Change: change(e))).Where(c => c.Change is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(c => (c.Entry, c.Change, Key: model.KeyOf(c.Entry, records))).Where(c => c.Key is not null)
            .Select(c =>
            {
                var (before, after) = Snapshot(c.Entry, c.Change, model);
                return new AuditChange(TypeName(c.Entry.Metadata.ClrType), c.Key!, c.Change.ToString(), before, after);
            });
    }

    /// <summary>How entries name a record's type: the class name, without a generic's arity (<c>IdentityUserRole</c>).</summary>
    public static string TypeName(Type type) => type.Name.Split('`')[0];

    /// <summary>Writes entries for the given changes, linked after the trail's head, in the caller's writer transaction.</summary>
    public static async Task AppendAsync(DbContext context, IReadOnlyList<AuditChange> changes,
        AuditScope scope, DateTimeOffset now, AuditKey key, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return;
        var entries = context.Set<AuditEntry>();
        var head = await entries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditChain.GenesisHash;
        // To the microsecond, as PostgreSQL stores it: the hash must cover the time as it will be read back.
        var at = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));

        var written = new List<AuditEntry>(changes.Count);
        foreach (var change in changes)
        {
            var record = new AuditEntry
            {
                Sequence = ++sequence,
                At = at,
                Actor = scope.Actor,
                Action = scope.Action,
                EntityType = change.EntityType,
                EntityKey = change.EntityKey,
                Change = change.Change,
                Before = change.Before,
                After = change.After,
                PreviousHash = previous,
            };
            record.Hash = AuditChain.HashOf(record, key);
            previous = record.Hash;
            written.Add(record);
        }
        await AppendedRows.InsertAsync(context, written, cancellationToken);
    }

    private static (string? Before, string? After) Snapshot(EntityEntry entry, EntityState change, AuditedModel model)
    {
        var properties = AuditedProperties(entry);
        if (change == EntityState.Modified) properties = properties.Where(p => p.IsModified);
        var list = properties.ToList();
        return change switch
        {
            EntityState.Added => (null, State(list, model, p => p.CurrentValue)),
            EntityState.Deleted => (State(list, model, p => p.OriginalValue), null),
            _ => (State(list, model, p => p.OriginalValue), State(list, model, p => p.CurrentValue)),
        };
    }

    /// <summary>
    /// Keys and versions are bookkeeping, and so are references to a parent's generated id (the entry's key names the
    /// parent; before the first save the id is only a temporary number). File contents are vouched for by their hash column.
    /// </summary>
    public static IEnumerable<PropertyEntry> AuditedProperties(EntityEntry entry) =>
        entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && p.Metadata.ClrType != typeof(byte[])
            && !p.Metadata.GetContainingForeignKeys().Any(fk => fk.PrincipalKey.Properties.Any(k => k.ValueGenerated != ValueGenerated.Never)));

    /// <summary>Values as the trail records them (JSON, by property name).</summary>
    public static string State(IEnumerable<PropertyEntry> properties, AuditedModel model, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, p => Recorded(p, model, value(p))), JsonFormat.Strict);

    /// <summary>Large contents and secrets by the digest of the text their column holds.</summary>
    private static object? Recorded(PropertyEntry property, AuditedModel model, object? value)
    {
        if (value is null || !model.IsDigested(property.Metadata)) return value;
        var stored = property.Metadata.GetValueConverter()?.ConvertToProvider(value) ?? value;
        return ContentDigest.Of((string)stored);
    }
}

/// <summary>One change to record: <c>Added</c>, <c>Modified</c>, <c>Deleted</c>, or <c>Baseline</c> (a record as found, see <see cref="AuditedState.BaselineAsync"/>).</summary>
public sealed record AuditChange(string EntityType, string EntityKey, string Change, string? Before, string? After);
