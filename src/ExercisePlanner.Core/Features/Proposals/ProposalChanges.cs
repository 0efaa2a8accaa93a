using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>What a revision changed: the fields (as named in the proposal file) whose values differ.</summary>
public static class ProposalChanges
{
    public static IReadOnlyList<string> Between(ProposalContent before, ProposalContent after)
    {
        var a = JsonSerializer.SerializeToNode(before, JsonFormat.Strict)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, JsonFormat.Strict)!.AsObject();
        return b.Select(p => p.Key).Union(a.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(a[key], b[key]))
            .ToList();
    }

    /// <summary>A field (or role) in words for people: <c>costShares</c> becomes "cost shares", <c>national-approver</c> "national approver".</summary>
    public static string InWords(string name) => Regex.Replace(name, "(?<=[a-z])([A-Z])", " $1").Replace('-', ' ').ToLowerInvariant();
}
