using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// Which records of a context go into the audit trail, each named by the key people know it by, and which of
/// their values are recorded by <see cref="ContentDigest"/> rather than copied. A context's every entity type is
/// either keyed here or in <see cref="NotAudited"/> with the reason (a test holds every context to that).
/// </summary>
public sealed class AuditedModel(
    IEnumerable<KeyValuePair<Type, Func<EntityEntry, TrackedRecords, string>>> keys,
    Func<IProperty, bool> digested,
    IReadOnlyDictionary<Type, string> notAudited)
{
    private readonly Dictionary<Type, Func<EntityEntry, TrackedRecords, string>> _keys = new(keys);

    public IReadOnlyCollection<Type> Audited => _keys.Keys;
    public IReadOnlyDictionary<Type, string> NotAudited => notAudited;

    public bool Audits(Type type) => _keys.ContainsKey(type);

    public string? KeyOf(EntityEntry entry, TrackedRecords records) =>
        _keys.TryGetValue(entry.Metadata.ClrType, out var key) ? key(entry, records) : null;

    public bool IsDigested(IProperty property) => digested(property);

    /// <summary>A key from the record alone.</summary>
    public static KeyValuePair<Type, Func<EntityEntry, TrackedRecords, string>> Key<T>(Func<T, string> key) =>
        new(typeof(T), (entry, _) => key((T)entry.Entity));

    /// <summary>A key that needs the record's owner or parent (a revision's proposal, a timer's step), found among the tracked records.</summary>
    public static KeyValuePair<Type, Func<EntityEntry, TrackedRecords, string>> Key<T>(Func<EntityEntry, T, TrackedRecords, string> key) =>
        new(typeof(T), (entry, records) => key(entry, (T)entry.Entity, records));
}

/// <summary>
/// The records a save concerns (tracked, or inserted without the tracker), by type and id, so a key can name a record's
/// parent without a query: one pass over their entries, made only when a key needs it. A parent not among them is read
/// with <see cref="DbContext.Find"/>.
/// </summary>
public sealed class TrackedRecords(DbContext context, IReadOnlyList<EntityEntry> tracked)
{
    private Dictionary<(Type, object), object>? _byId;

    public T Get<T>(object id) where T : class
    {
        _byId ??= tracked.Where(e => e.Metadata.FindPrimaryKey() is { Properties.Count: 1 })
            .GroupBy(e => (e.Metadata.ClrType, e.Property(e.Metadata.FindPrimaryKey()!.Properties[0].Name).CurrentValue!))
            .ToDictionary(g => g.Key, g => g.First().Entity);
        return _byId.TryGetValue((typeof(T), id), out var found) ? (T)found
            : context.Find<T>(id) ?? throw new InvalidOperationException($"{typeof(T).Name} {id} is neither tracked nor stored");
    }
}
