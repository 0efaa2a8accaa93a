namespace ExercisePlanner.Workflows.Definitions;

/// <summary>
/// A fact of the subject that conditions may test, with the values it can take. Ordered facts
/// (like classification) also allow <c>above</c> and <c>atLeast</c>.
/// </summary>
public sealed record FactDefinition(string Name, IReadOnlyList<string> Values, bool Ordered = false);

/// <summary>The facts a host offers to conditions; the proposal side supplies them.</summary>
public sealed class FactCatalog(IEnumerable<FactDefinition> facts)
{
    private readonly Dictionary<string, FactDefinition> _facts = facts.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<FactDefinition> All => _facts.Values;

    public FactDefinition? Find(string name) => _facts.GetValueOrDefault(name);

    /// <summary>Whether the condition holds for a subject whose fact has <paramref name="actual"/>.</summary>
    public bool Holds(Condition condition, string? actual)
    {
        if (actual is null) return false;
        if (condition.Is is not null) return actual == condition.Is;
        if (condition.In is not null) return condition.In.Contains(actual);
        var scale = _facts[condition.Fact].Values;
        var rank = scale.IndexOf(actual);
        return condition.Above is not null
            ? rank > scale.IndexOf(condition.Above)
            : rank >= scale.IndexOf(condition.AtLeast!);
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
