using System.Globalization;
using System.Text.RegularExpressions;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// The proposal's fields as people know them: the label the editor shows for each JSON path, so a
/// problem keyed <c>costShares[2].percent</c> reads "Cost shares, row 3, percent: …" everywhere.
/// </summary>
public static partial class ProposalFields
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["code"] = "Code", ["name"] = "Name", ["type"] = "Type", ["classification"] = "Classification",
        ["startDate"] = "Start date", ["endDate"] = "End date", ["location"] = "Location",
        ["releasableTo"] = "Releasable to", ["summary"] = "Summary",
        ["participants"] = "Participating nations", ["objectives"] = "Training objectives", ["forces"] = "Force contributions",
        ["costShares"] = "Cost shares", ["conferences"] = "Planning conferences", ["contacts"] = "Points of contact",
        ["nation"] = "nation", ["roles"] = "roles", ["text"] = "objective", ["unit"] = "unit", ["personnel"] = "personnel",
        ["equipment"] = "equipment", ["percent"] = "percent", ["kind"] = "kind", ["date"] = "date", ["email"] = "e-mail", ["phone"] = "phone",
    };

    /// <summary>"Cost shares, row 3, percent" for <c>costShares[2].percent</c>; a path it does not know, as it is.</summary>
    public static string Label(string path)
    {
        var match = PathPattern().Match(path);
        if (!match.Success || !Labels.TryGetValue(match.Groups["list"].Value, out var label)) return path;
        if (match.Groups["index"].Success && match.Groups["list"].Value != "releasableTo")
            label += $", row {int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) + 1}";
        if (match.Groups["field"].Success)
        {
            var field = match.Groups["field"].Value;
            // A row's code is the objective's code, not the proposal's.
            label += ", " + (field == "code" ? "code" : Labels.GetValueOrDefault(field, field));
        }
        return label;
    }

    /// <summary>The problem as a sentence that names its field: the same key, the label in front.</summary>
    public static Problem Sentence(Problem problem) =>
        problem with { Message = $"{Label(problem.Path)}: {problem.Message}" };

    /// <summary>The element id the editor gives a path's field: <c>costShares-2-percent</c>.</summary>
    public static string FieldId(string path) =>
        path.Length == 0 ? "proposal-form" : path.Replace("].", "-", StringComparison.Ordinal).Replace('[', '-').Replace("]", "", StringComparison.Ordinal).Replace('.', '-');

    [GeneratedRegex(@"^(?<list>[a-zA-Z]+)(\[(?<index>\d+)\])?(\.(?<field>[a-zA-Z]+))?$")]
    private static partial Regex PathPattern();
}
