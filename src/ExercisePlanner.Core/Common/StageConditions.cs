using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Workflows.Definitions;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// When a stage runs, as people say it: "only when the classification is above UNCLASSIFIED", "only when something other
/// than participants, forces, cost shares or contacts changed". The definition's own terms ("classification &gt;
/// UNCLASSIFIED") stay for its authors (JSON, Mermaid); these words are for plans and diagrams people read.
/// </summary>
public static class StageConditions
{
    /// <summary>The whole phrase ("only when …"); null for a stage that always runs.</summary>
    public static string? RunsWhen(StageDefinition stage) => (stage.When, stage.Unless) switch
    {
        (null, null) => null,
        ({ } when, null) => $"only when {Of(when, negated: false)}",
        (null, { } unless) => $"only when {Of(unless, negated: true)}",
        ({ } when, { } unless) => $"only when {Of(when, negated: false)} and {Of(unless, negated: true)}",
    };

    private static string Of(Condition condition, bool negated)
    {
        var fact = Fact(condition.Fact);
        var not = negated ? " not" : "";
        if (condition.Only is { } only)
            return condition.Fact == "changed"
                ? $"{(negated ? "something other than" : "nothing but")} {Either(condition.Fact, only)} changed"
                : $"{fact} {(negated ? "include others than" : "are all")} {Either(condition.Fact, only)}";
        if (condition.Is is { } value) return $"{fact} is{not} {Value(condition.Fact, value)}";
        if (condition.In is { } values) return $"{fact} is{not} {Either(condition.Fact, values)}";
        if (condition.Above is { } above) return $"{fact} is{not} above {Value(condition.Fact, above)}";
        return $"{fact} is {(negated ? "below" : "at least")} {Value(condition.Fact, condition.AtLeast!)}";
    }

    private static string Fact(string fact) => fact switch
    {
        "type" => "the exercise type",
        "hostNation" => "the host nation",
        "leadNation" => "the lead nation",
        "nationsAffected" => "the nations affected",
        "changed" => "what changed",
        _ => "the " + ProposalChanges.InWords(fact),
    };

    private static string Value(string fact, string value) => fact switch
    {
        "type" when Enum.TryParse<ExerciseType>(value, out var type) => Words.Of(type),
        "hostNation" or "leadNation" or "nationsAffected" => Words.Nation(value),
        "changed" => ProposalChanges.InWords(value),
        _ => value,
    };

    /// <summary>"a, b or c".</summary>
    private static string Either(string fact, IReadOnlyList<string> values) =>
        values.Count == 1 ? Value(fact, values[0]) : $"{string.Join(", ", values.SkipLast(1).Select(v => Value(fact, v)))} or {Value(fact, values[^1])}";
}
