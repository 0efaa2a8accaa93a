using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>What changed between two revisions: single fields with old and new value, and list rows added, removed or changed.</summary>
/// <param name="Changed">The proposal-file names of the fields and lists that changed, in the file's order, e.g. <c>location</c>, <c>forces</c>.</param>
public sealed record ProposalDiff(IReadOnlyList<FieldChange> Fields, IReadOnlyList<ListChange> Lists, IReadOnlyList<string> Changed)
{
    public bool IsEmpty => Changed.Count == 0;
}

/// <summary>One field: its proposal-file name, its label for people, and its value before and after in words (null when absent).</summary>
public sealed record FieldChange(string Field, string Label, string? Before, string? After);

public enum RowChangeKind { Added, Removed, Changed }

/// <summary>The rows of one list (forces, cost shares, …) that were added, removed or changed, each named by what identifies it.</summary>
public sealed record ListChange(string List, string Label, IReadOnlyList<RowChange> Rows);

/// <summary>A row named by its key ("Türkiye (TUR), Logistics Command staff"); for a changed row, the fields that changed.</summary>
public sealed record RowChange(RowChangeKind Kind, string Row, IReadOnlyList<FieldChange> Fields);

/// <summary>Compares two contents of a proposal as the proposal file writes them, so every field is covered, new ones too.</summary>
public static class ProposalChanges
{
    // What identifies a row of each list, so that an edited row reads "changed", not "removed" and "added".
    private static readonly Dictionary<string, string[]> Keys = new()
    {
        ["participants"] = ["nation"],
        ["objectives"] = ["code"],
        ["forces"] = ["nation", "unit"],
        ["costShares"] = ["nation"],
        ["conferences"] = ["kind", "date"],
        ["contacts"] = ["nation", "name"],
    };

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["code"] = "Code", ["name"] = "Name", ["type"] = "Type", ["startDate"] = "Start date", ["endDate"] = "End date",
        ["location"] = "Location", ["classification"] = "Classification", ["releasableTo"] = "Releasable to", ["summary"] = "Summary",
        ["participants"] = "Participants", ["objectives"] = "Training objectives", ["forces"] = "Force contributions",
        ["costShares"] = "Cost shares", ["conferences"] = "Planning conferences", ["contacts"] = "Points of contact",
        ["nation"] = "nation", ["roles"] = "roles", ["text"] = "text", ["unit"] = "unit", ["personnel"] = "personnel",
        ["equipment"] = "equipment", ["percent"] = "percent", ["kind"] = "kind", ["date"] = "date", ["email"] = "e-mail", ["phone"] = "phone",
    };

    /// <summary>The proposal-file names of the fields and lists that differ, in the file's order.</summary>
    public static IReadOnlyList<string> Between(ProposalContent before, ProposalContent after) => Compare(before, after).Changed;

    public static ProposalDiff Compare(ProposalContent before, ProposalContent after)
    {
        var a = JsonSerializer.SerializeToNode(before, JsonFormat.Strict)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, JsonFormat.Strict)!.AsObject();
        var fields = new List<FieldChange>();
        var lists = new List<ListChange>();
        var changed = new List<string>();
        foreach (var key in b.Select(p => p.Key).Union(a.Select(p => p.Key)))
        {
            if (JsonNode.DeepEquals(a[key], b[key])) continue;
            changed.Add(key);
            if (Keys.TryGetValue(key, out var rowKey))
                lists.Add(new ListChange(key, Label(key), Rows(rowKey, Items(a[key]), Items(b[key]))));
            else if (a[key] is JsonArray || b[key] is JsonArray)
                lists.Add(new ListChange(key, Label(key), Values(key, Items(a[key]), Items(b[key]))));
            else
                fields.Add(new FieldChange(key, Label(key), Show(key, a[key]), Show(key, b[key])));
        }
        return new ProposalDiff(fields, lists, changed);
    }

    private static List<RowChange> Rows(string[] rowKey, List<JsonNode?> before, List<JsonNode?> after)
    {
        string KeyOf(JsonNode? row) => string.Join(", ", rowKey.Select(k => Show(k, row?[k]) ?? ""));
        var old = before.ToLookup(KeyOf);
        var rows = new List<RowChange>();
        foreach (var row in after)
        {
            var key = KeyOf(row);
            var match = old[key].FirstOrDefault();
            if (match is null) rows.Add(new RowChange(RowChangeKind.Added, key, Fields(row, null, rowKey)));
            else if (!JsonNode.DeepEquals(match, row)) rows.Add(new RowChange(RowChangeKind.Changed, key, Fields(row, match, rowKey)));
        }
        var kept = after.Select(KeyOf).ToHashSet();
        rows.AddRange(before.Where(r => !kept.Contains(KeyOf(r)))
            .Select(r => new RowChange(RowChangeKind.Removed, KeyOf(r), Fields(null, r, rowKey))));
        return rows;
    }

    /// <summary>The fields of a row besides its key: all of them for an added or removed row, the differing ones for a changed row.</summary>
    private static List<FieldChange> Fields(JsonNode? after, JsonNode? before, string[] rowKey)
    {
        var names = (after ?? before)!.AsObject().Select(p => p.Key).Where(k => !rowKey.Contains(k));
        return names.Where(k => after is null || before is null || !JsonNode.DeepEquals(after[k], before[k]))
            .Select(k => new FieldChange(k, Label(k), before is null ? null : Show(k, before[k]), after is null ? null : Show(k, after[k])))
            .Where(f => f.Before is { Length: > 0 } || f.After is { Length: > 0 })
            .ToList();
    }

    /// <summary>A list of plain values (nations releasable to): each value added or removed.</summary>
    private static List<RowChange> Values(string list, List<JsonNode?> before, List<JsonNode?> after)
    {
        var a = before.Select(v => Show(list, v) ?? "").ToList();
        var b = after.Select(v => Show(list, v) ?? "").ToList();
        return b.Except(a).Select(v => new RowChange(RowChangeKind.Added, v, []))
            .Concat(a.Except(b).Select(v => new RowChange(RowChangeKind.Removed, v, []))).ToList();
    }

    private static List<JsonNode?> Items(JsonNode? node) => node is JsonArray array ? array.ToList() : [];

    /// <summary>A proposal-file field's name for people: <c>costShares</c> reads "Cost shares".</summary>
    public static string Label(string key) => Labels.GetValueOrDefault(key, key);

    /// <summary>A value in words: nations by name and code, dates as people write them, lists joined.</summary>
    private static string? Show(string key, JsonNode? value) => value switch
    {
        null => null,
        JsonArray items => string.Join(", ", items.Select(i => Show(key, i))),
        JsonValue v when v.TryGetValue<string>(out var text) =>
            key is "nation" or "releasableTo" && text.Length == 3 ? Words.Nation(text)
            : key is "startDate" or "endDate" or "date" && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? Words.Date(date)
            : text,
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString(key == "percent" ? "0.##" : "N0", CultureInfo.InvariantCulture) + (key == "percent" ? " %" : ""),
        _ => value.ToJsonString(),
    };

    /// <summary>A field (or role) in words for people: <c>costShares</c> becomes "cost shares", <c>national-approver</c> "national approver".</summary>
    public static string InWords(string name) => Regex.Replace(name, "(?<=[a-z])([A-Z])", " $1").Replace('-', ' ').ToLowerInvariant();
}
