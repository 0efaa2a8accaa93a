using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// The state the audit trail says each record is in (the trail replayed: added, then each change, or deleted),
/// compared with the rows as they are: a row edited, inserted or deleted without an audit entry is named in words.
/// </summary>
public sealed partial class AuditedState
{
    private sealed class Record
    {
        public Dictionary<string, JsonElement> Values { get; } = [];
        public int Added { get; set; }
        public int Deleted { get; set; }
        /// <summary>Records alive under this key (a key names one record, but a few share one: then only the count is
        /// compared). Only changes, no addition: a record from before its table was audited.</summary>
        public int Alive => Added == 0 && Deleted == 0 ? 1 : Added - Deleted;
    }

    private readonly Dictionary<(string Type, string Key), Record> _records = [];

    public static AuditedState Replay(IEnumerable<AuditEntry> entriesInOrder)
    {
        var state = new AuditedState();
        foreach (var entry in entriesInOrder)
        {
            var key = (entry.EntityType, entry.EntityKey);
            if (!state._records.TryGetValue(key, out var record)) state._records[key] = record = new Record();
            if (entry.Change == nameof(EntityState.Deleted) || entry.Change == BaselineChange && entry.After is null)
            {
                record.Deleted++;
                continue;
            }
            if (entry.Change is nameof(EntityState.Added) or BaselineChange) record.Added++;
            foreach (var value in Parse(entry.After)) record.Values[value.Key] = value.Value;
        }
        return state;
    }

    /// <summary>How a record is entered as found by <see cref="BaselineAsync"/>: present (with its values) or gone (none).</summary>
    public const string BaselineChange = "Baseline";

    /// <summary>
    /// Every record of <paramref name="model"/>'s types, loaded into <paramref name="context"/> (tracked, so keys can
    /// name parents as when they were written), grouped by the trail's type name and key.
    /// </summary>
    private static async Task<List<IGrouping<(string Type, string Key), EntityEntry>>> RowsAsync(
        DbContext context, AuditedModel model, CancellationToken cancellationToken)
    {
        // Every record, filtered or not (a deactivated user is still a row the trail wrote).
        foreach (var type in model.Audited.Where(t => context.Model.FindEntityType(t) is { } entity && !entity.IsOwned()))
            await ((IQueryable<object>)SetOf(context, type)).IgnoreQueryFilters().LoadAsync(cancellationToken);
        var tracked = context.ChangeTracker.Entries().ToList();
        var records = new TrackedRecords(context, tracked);
        return tracked.Where(e => model.Audits(e.Metadata.ClrType))
            .GroupBy(e => (AuditTrail.TypeName(e.Metadata.ClrType), model.KeyOf(e, records)!)).ToList();
    }

    /// <summary>Names each difference between the tables of <paramref name="model"/> and the trail.</summary>
    public async Task<List<string>> CompareAsync(DbContext context, AuditedModel model, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(context, model, cancellationToken);
        var differences = new List<string>();
        foreach (var group in rows)
        {
            var name = $"{Words(group.Key.Type, capital: true)} {group.Key.Key}";
            if (!_records.TryGetValue(group.Key, out var audited))
                differences.Add($"{name} is in the table but not in the audit trail");
            else if (audited.Alive <= 0)
                differences.Add($"{name} is in the table, but the audit trail has it deleted");
            else if (group.Count() != audited.Alive)
                differences.Add($"{name}: {group.Count()} in the table, {audited.Alive} in the audit trail");
            else if (audited.Alive == 1)
            {
                var row = group.Single();
                var current = Parse(AuditTrail.State(AuditTrail.AuditedProperties(row), model, p => p.CurrentValue));
                foreach (var (property, value) in audited.Values)
                    if (current.TryGetValue(property, out var now) && !Same(now, value))
                    {
                        // Statuses and decisions in words ("Changes requested"), as the pages name them.
                        var type = row.Metadata.FindProperty(property)?.ClrType;
                        var named = type is not null && (Nullable.GetUnderlyingType(type) ?? type).IsEnum;
                        differences.Add($"{name}: {Words(property)} is {Show(now, named)} in the table, {Show(value, named)} in the audit trail");
                    }
            }
        }
        differences.AddRange(Vanished(rows, model).Select(r => $"{Words(r.Type, capital: true)} {r.Key} is in the audit trail but not in the table: deleted without an audit entry"));
        return differences;
    }

    /// <summary>
    /// The records the trail does not know, as found, and the ones it has but the tables do not, as gone: what an
    /// administrator records once when a database from before a table was audited is upgraded (<c>audit baseline</c>).
    /// It vouches for whatever the tables hold at that moment, so it is itself in the trail, with who took it and when.
    /// </summary>
    public static async Task<int> BaselineAsync(DbContext context, AuditedModel model, AuditScope scope, DateTimeOffset now, AuditKey key,
        CancellationToken cancellationToken)
    {
        var state = Replay(await context.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken));
        var changes = await state.BaselineChangesAsync(context, model, cancellationToken);
        await AuditTrail.AppendAsync(context, changes, scope, now, key, cancellationToken);
        return changes.Count;
    }

    private async Task<List<AuditChange>> BaselineChangesAsync(DbContext context, AuditedModel model, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(context, model, cancellationToken);
        var found = rows.Where(g => !_records.ContainsKey(g.Key)).SelectMany(g => g.Select(entry => new AuditChange(g.Key.Type, g.Key.Key,
            BaselineChange, null, AuditTrail.State(AuditTrail.AuditedProperties(entry), model, p => p.CurrentValue))));
        var gone = Vanished(rows, model).Select(r => new AuditChange(r.Type, r.Key, BaselineChange, null, null));
        return found.Concat(gone).ToList();
    }

    private IEnumerable<(string Type, string Key)> Vanished(List<IGrouping<(string Type, string Key), EntityEntry>> rows, AuditedModel model)
    {
        var types = model.Audited.Select(AuditTrail.TypeName).ToHashSet();
        var present = rows.Select(g => g.Key).ToHashSet();
        return _records.Where(r => r.Value.Alive > 0 && types.Contains(r.Key.Type) && !present.Contains(r.Key)).Select(r => r.Key);
    }

    private static object SetOf(DbContext context, Type type) =>
        typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(context, null)!;

    private static Dictionary<string, JsonElement> Parse(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    // Times compare to the microsecond: PostgreSQL keeps no finer, the trail recorded them before they were stored.
    private static bool Same(JsonElement table, JsonElement trail)
    {
        if (table.GetRawText() == trail.GetRawText()) return true;
        return table.ValueKind == JsonValueKind.String && trail.ValueKind == JsonValueKind.String
            && table.TryGetDateTimeOffset(out var a) && trail.TryGetDateTimeOffset(out var b)
            && a.UtcTicks / TimeSpan.TicksPerMicrosecond == b.UtcTicks / TimeSpan.TicksPerMicrosecond;
    }

    private static string Show(JsonElement value, bool named) => value.ValueKind switch
    {
        JsonValueKind.Null => "empty",
        JsonValueKind.String when named => Words(value.GetString()!, capital: true),
        JsonValueKind.String => ContentDigest.Short(value.GetString()!),
        _ => value.GetRawText(),
    };

    /// <summary>"DecidedBy" as "decided by"; "WorkflowStep" as "Workflow step".</summary>
    private static string Words(string name, bool capital = false)
    {
        var words = CamelCase().Replace(name, " $1").ToLowerInvariant();
        return capital ? char.ToUpperInvariant(words[0]) + words[1..] : words;
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CamelCase();
}
