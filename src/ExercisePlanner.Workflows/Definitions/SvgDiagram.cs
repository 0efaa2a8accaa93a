using System.Globalization;
using System.Security;
using System.Text;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>
/// A definition drawn as an SVG flowchart for pages: stages top to bottom, conditional ones dashed with
/// their condition, from "Submitted" to "Approved". Styled with attributes only, so it needs neither
/// script nor inline style (pages forbid both in their content security policy).
/// </summary>
public static class SvgDiagram
{
    private const int Width = 700, Left = 40, BoxWidth = 620, Line = 18, Pad = 10, Gap = 34;

    /// <param name="words">How roles and durations read; plain (the definition's own terms) when not given.</param>
    public static string Render(WorkflowDefinition definition, DiagramWords? words = null)
    {
        words ??= DiagramWords.Plain;
        var body = new StringBuilder();
        var y = 10;
        Terminal(body, y, $"Submitted · {definition.Name}, version {definition.Version}");
        y += 34;
        foreach (var stage in definition.Stages)
        {
            Arrow(body, y, y + Gap);
            y += Gap;
            var lines = new List<(string Text, string Class)> { (stage.Name, "title") };
            if (words.RunsWhen(stage) is { } when) lines.Add((when, "condition"));
            lines.AddRange(stage.Steps.Select(s => ($"{Who(s)}: {words.Role(s.Role)}", "step")));
            lines.Add(($"{words.Completion(stage)} · due {words.Due(stage.Due)}" + (stage.EscalateTo is null ? "" : $" · escalates to {words.Role(stage.EscalateTo)}"), "rule"));
            var height = lines.Count * Line + 2 * Pad;
            var dashes = stage.RunsWhen is null ? "" : " stroke-dasharray=\"6 4\"";
            body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{height}\" rx=\"6\" fill=\"#fff\" stroke=\"{Blue}\" stroke-width=\"1.5\"{dashes}/>");
            for (var i = 0; i < lines.Count; i++)
                body.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + Pad}\" y=\"{y + Pad + (i + 1) * Line - 5}\"{Look(lines[i].Class)}>{SecurityElement.Escape(lines[i].Text)}</text>");
            y += height;
        }
        Arrow(body, y, y + Gap);
        y += Gap;
        Terminal(body, y, "Approved");
        y += 44;
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{y}\"{Look("rule")}>{SecurityElement.Escape(MermaidDiagram.WhenChangesRequested(definition))}.</text>");
        y += 18;
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{y}\"{Look("rule")}>A rejection by any step ends the approval.</text>");
        y += 12;

        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {y}" width="{Width}" height="{y}" role="img" aria-label="{SecurityElement.Escape(definition.Name)}" font-family="DejaVu Sans, sans-serif" font-size="13">""" +
               $"<defs><marker id=\"head\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"{Blue}\"/></marker></defs>" +
               body + "</svg>";
    }

    private const string Blue = "#1f4e79";

    private static string Look(string kind) => kind switch
    {
        "title" => " font-weight=\"bold\" fill=\"#1d2733\"",
        "condition" => " font-style=\"italic\" fill=\"#a15c00\"",
        "rule" => " font-size=\"12\" fill=\"#5b6776\"",
        _ => " fill=\"#1d2733\"",
    };

    private static void Terminal(StringBuilder body, int y, string text)
    {
        body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 130}\" y=\"{y}\" width=\"{BoxWidth - 260}\" height=\"28\" rx=\"14\" fill=\"#e8ecf2\" stroke=\"{Blue}\"/>");
        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{y + 19}\" text-anchor=\"middle\"{Look("title")}>{SecurityElement.Escape(text)}</text>");
    }

    private static void Arrow(StringBuilder body, int from, int to) =>
        body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width / 2}\" y1=\"{from}\" x2=\"{Width / 2}\" y2=\"{to - 2}\" stroke=\"{Blue}\" stroke-width=\"1.5\" marker-end=\"url(#head)\"/>");

    internal static string Who(StepDefinition step) => step.Assignees switch
    {
        Assignees.Each => "each nation",
        Assignees.Host => "host",
        Assignees.Lead => "lead",
        Assignees.Affected => "each nation affected",
        _ => string.Join(", ", step.Nations ?? []),
    };
}

/// <summary>How a diagram names roles, durations and when a stage runs: the definition's own terms, or the words a page gives them.</summary>
/// <param name="RunsWhen">The stage's condition as one phrase ("only when …"); null for a stage that always runs.</param>
/// <param name="Completion">How many of a stage's steps must approve, whatever their number ("all must approve").</param>
public sealed record DiagramWords(Func<string, string> Role, Func<TimeSpan, string> Duration, Func<StageDefinition, string?> RunsWhen,
    Func<StageDefinition, string> Completion)
{
    /// <summary>As the definition writes them: <c>national-approver</c>, <c>P14D</c>, <c>only when classification &gt; UNCLASSIFIED</c>, <c>quorum 2</c>.</summary>
    public static readonly DiagramWords Plain = new(role => role, System.Xml.XmlConvert.ToString,
        stage => stage.RunsWhen is { } when ? $"only when {when}" : null, stage => stage.Completion.ToString());

    public string Due(string iso) => Durations.TryParse(iso, out var span) ? Duration(span) : iso;
}
