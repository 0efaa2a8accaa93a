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
    private const int Line = 18, Pad = 10, Gap = 34;

    /// <summary>Where things go: 780 px wide for a desk; 340 px for a phone, where long lines wrap rather than the
    /// whole drawing shrinking until its text cannot be read.</summary>
    private sealed record Layout(string Name, int Width, int Left)
    {
        public int BoxWidth => Width - 2 * Left;
        public int Middle => Width / 2;
    }

    private static readonly Layout Wide = new("wide", 780, 40), Narrow = new("narrow", 340, 2);

    /// <summary>The diagram for a page: drawn twice, wide and narrow, for the page's style sheet to show the one that
    /// fits the screen (<c>svg.diagram.wide</c>, <c>svg.diagram.narrow</c>).</summary>
    public static string ForPages(WorkflowDefinition definition, DiagramWords words) =>
        Render(definition, words, Wide) + Render(definition, words, Narrow);

    /// <param name="words">How roles and durations read; plain (the definition's own terms) when not given.</param>
    public static string Render(WorkflowDefinition definition, DiagramWords? words = null) => Render(definition, words ?? DiagramWords.Plain, Wide);

    private static string Render(WorkflowDefinition definition, DiagramWords words, Layout layout)
    {
        var marker = $"head-{definition.Id}-{layout.Name}";
        var body = new StringBuilder();
        var y = 10;
        y = Terminal(body, layout, y, $"Submitted · {definition.Name}, version {definition.Version}") + 6;
        foreach (var stage in definition.Stages)
        {
            y = Arrow(body, layout, marker, y);
            var lines = new List<(string Text, string Class)> { (stage.Name, "title") };
            if (words.RunsWhen(stage) is { } when) lines.Add((when, "condition"));
            lines.AddRange(stage.Steps.Select(s => ($"{Who(s)}: {words.Role(s.Role)}", "step")));
            lines.Add(($"{words.Completion(stage)} · due {words.Due(stage.Due)}" + (stage.EscalateTo is null ? "" : $" · escalates to {words.Role(stage.EscalateTo)}"), "rule"));
            var wrapped = lines.SelectMany(l => Wrap(l.Text, l.Class, layout.BoxWidth - 2 * Pad).Select(text => (Text: text, l.Class))).ToList();
            var height = wrapped.Count * Line + 2 * Pad;
            var dashes = stage.RunsWhen is null ? "" : " stroke-dasharray=\"6 4\"";
            body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{layout.Left}\" y=\"{y}\" width=\"{layout.BoxWidth}\" height=\"{height}\" rx=\"6\" fill=\"#fff\" stroke=\"{Blue}\" stroke-width=\"1.5\"{dashes}/>");
            for (var i = 0; i < wrapped.Count; i++)
                body.Append(CultureInfo.InvariantCulture, $"<text x=\"{layout.Left + Pad}\" y=\"{y + Pad + (i + 1) * Line - 5}\"{Look(wrapped[i].Class)}>{SecurityElement.Escape(wrapped[i].Text)}</text>");
            y += height;
        }
        y = Arrow(body, layout, marker, y);
        y = Terminal(body, layout, y, "Approved") + 16;
        foreach (var note in new[] { MermaidDiagram.WhenChangesRequested(definition) + ".", "A rejection by any step ends the approval." })
            foreach (var text in Wrap(note, "rule", layout.BoxWidth))
            {
                body.Append(CultureInfo.InvariantCulture, $"<text x=\"{layout.Left}\" y=\"{y}\"{Look("rule")}>{SecurityElement.Escape(text)}</text>");
                y += 18;
            }
        y -= 6;

        return $"""<svg xmlns="http://www.w3.org/2000/svg" class="diagram {layout.Name}" viewBox="0 0 {layout.Width} {y}" width="{layout.Width}" height="{y}" role="img" aria-label="{SecurityElement.Escape(definition.Name)}" font-family="DejaVu Sans, sans-serif" font-size="13">""" +
               $"<defs><marker id=\"{marker}\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L10,4 L0,8 z\" fill=\"{Blue}\"/></marker></defs>" +
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

    /// <summary>
    /// The text broken at spaces into lines no wider than <paramref name="width"/> px. Widths are estimated, not measured
    /// (a page has no font metrics here): DejaVu Sans, the widest of the usual sans-serif faces, averages about 0.5 em a
    /// character of English, bold about 0.6 em; the estimate errs wide so that whatever face a phone uses stays inside its box.
    /// </summary>
    private static IEnumerable<string> Wrap(string text, string kind, int width)
    {
        var em = kind switch { "title" => 13 * 0.64, "rule" => 12 * 0.57, _ => 13 * 0.57 };
        var columns = (int)(width / em);
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > columns)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        yield return line.ToString();
    }

    /// <returns>Where the drawing continues below the terminal.</returns>
    private static int Terminal(StringBuilder body, Layout layout, int y, string text)
    {
        var width = Math.Min(layout.BoxWidth, 420);
        var lines = Wrap(text, "title", width - 2 * Pad).ToList();
        var height = 10 + lines.Count * Line;
        body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{layout.Middle - width / 2}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"14\" fill=\"#e8ecf2\" stroke=\"{Blue}\"/>");
        for (var i = 0; i < lines.Count; i++)
            body.Append(CultureInfo.InvariantCulture, $"<text x=\"{layout.Middle}\" y=\"{y + 19 + i * Line}\" text-anchor=\"middle\"{Look("title")}>{SecurityElement.Escape(lines[i])}</text>");
        return y + height;
    }

    /// <returns>Where the arrow ends.</returns>
    private static int Arrow(StringBuilder body, Layout layout, string marker, int from)
    {
        body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{layout.Middle}\" y1=\"{from}\" x2=\"{layout.Middle}\" y2=\"{from + Gap - 2}\" stroke=\"{Blue}\" stroke-width=\"1.5\" marker-end=\"url(#{marker})\"/>");
        return from + Gap;
    }

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
