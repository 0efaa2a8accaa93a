using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>
/// A fact of the subject that conditions may test, with the values it can take. Ordered facts
/// (like classification) also allow <c>above</c> and <c>atLeast</c>; a fact with <paramref name="Many"/>
/// values (like the fields an amendment changed) allows <c>only</c>, and <c>equals</c>/<c>in</c> then
/// hold when any of its values matches.
/// </summary>
public sealed record FactDefinition(string Name, IReadOnlyList<string> Values, bool Ordered = false, bool Many = false);

/// <summary>The facts a host offers to conditions; the proposal side supplies them.</summary>
public sealed class FactCatalog(IEnumerable<FactDefinition> facts)
{
    private readonly Dictionary<string, FactDefinition> _facts = facts.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<FactDefinition> All => _facts.Values;

    public FactDefinition? Find(string name) => _facts.GetValueOrDefault(name);

    /// <summary>Whether the condition holds for the subject's value (or values) of the fact it tests.</summary>
    public bool Holds(Condition condition, IWorkflowSubject subject)
    {
        if (_facts.GetValueOrDefault(condition.Fact) is not { Many: true }) return Holds(condition, subject.Fact(condition.Fact));
        var values = subject.FactValues(condition.Fact);
        if (condition.Only is not null) return values.All(condition.Only.Contains);
        return values.Any(value => Holds(condition, value));
    }

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
