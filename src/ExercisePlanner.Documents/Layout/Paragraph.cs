using SkiaSharp;

namespace ExercisePlanner.Documents.Layout;

public enum TextDirection { LeftToRight, RightToLeft }

public enum TextAlign { Start, Center, End }

public sealed record Span(string Text, TextStyle Style);

/// <summary>
/// Styled spans broken into lines over shaped text. Each line is ordered by the Unicode bidirectional
/// algorithm (<see cref="Bidi"/>): Arabic in an English paragraph, numbers and Latin names in an Arabic
/// one, and neutrals between them take the places UAX #9 gives them, and each run of one direction and
/// style is shaped and drawn as a whole, with its text.
/// </summary>
public sealed class Paragraph : Block
{
    private readonly List<Span> _spans = [];

    public Paragraph(string text, TextStyle? style = null) => _spans.Add(new Span(text, style ?? TextStyle.Body));

    public Paragraph() { }

    public TextAlign Align { get; init; } = TextAlign.Start;
    public TextDirection Direction { get; init; } = TextDirection.LeftToRight;
    public float SpaceAfter { get; init; } = 4;
    public bool KeepWithNext { get; init; }

    public Paragraph Add(string text, TextStyle style)
    {
        _spans.Add(new Span(text, style));
        return this;
    }

    /// <summary>One paragraph of the text (between hard line breaks): its characters' styles and bidi levels.</summary>
    private sealed record Source(string Text, TextStyle[] Styles, byte[] Levels);

    private sealed record Line(Source Source, int Start, int End);

    public override IEnumerable<Slice> Layout(FontSet fonts, float width)
    {
        var lines = Sources().SelectMany(source => BreakLines(fonts, source, width)).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var last = i == lines.Count - 1;
            var styles = line.Start == line.End ? [TextStyle.Body] : line.Source.Styles[line.Start..line.End].Distinct().ToArray();
            var height = styles.Max(fonts.LineHeight);
            var ascent = line.Start == line.End ? 0 : styles.Max(fonts.Ascent);
            yield return new Slice(height + (last ? SpaceAfter : 0), (canvas, x, y) => DrawLine(canvas, fonts, line, x, y + ascent, width))
            {
                KeepWithNext = KeepWithNext || !last && lines.Count == 2,
            };
        }
    }

    private IEnumerable<Source> Sources()
    {
        var text = string.Concat(_spans.Select(s => s.Text));
        var styles = _spans.SelectMany(s => Enumerable.Repeat(s.Style, s.Text.Length)).ToArray();
        var level = Direction == TextDirection.RightToLeft ? Bidi.RightToLeft : Bidi.LeftToRight;
        var start = 0;
        foreach (var part in text.Split('\n'))
        {
            yield return new Source(part, styles[start..(start + part.Length)], Bidi.Resolve(part, level).Levels);
            start += part.Length + 1;
        }
    }

    private static IEnumerable<Line> BreakLines(FontSet fonts, Source source, float width)
    {
        int start = -1, end = -1;
        var used = 0f;
        foreach (var (wordStart, wordEnd) in Words(source.Text).SelectMany(w => Fit(fonts, source, w, width)))
        {
            var word = RangeWidth(fonts, source, wordStart, wordEnd);
            if (start >= 0 && used + RangeWidth(fonts, source, end, wordStart) + word <= width)
            {
                used += RangeWidth(fonts, source, end, wordStart) + word;
                end = wordEnd;
                continue;
            }
            if (start >= 0) yield return new Line(source, start, end);
            (start, end, used) = (wordStart, wordEnd, word);
        }
        yield return start >= 0 ? new Line(source, start, end) : new Line(source, 0, 0);
    }

    private static IEnumerable<(int Start, int End)> Words(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ') continue;
            var start = i;
            while (i < text.Length && text[i] != ' ') i++;
            yield return (start, i);
        }
    }

    /// <summary>A word wider than the line (a long code, a hash) is broken between characters.</summary>
    private static IEnumerable<(int Start, int End)> Fit(FontSet fonts, Source source, (int Start, int End) word, float width)
    {
        if (RangeWidth(fonts, source, word.Start, word.End) <= width) { yield return word; yield break; }
        var start = word.Start;
        for (var end = start + 1; end <= word.End; end++)
        {
            if (end - start > 1 && RangeWidth(fonts, source, start, end) > width)
            {
                yield return (start, end - 1);
                start = end - 1;
            }
        }
        yield return (start, word.End);
    }

    /// <summary>Runs of one style and one level, in logical order.</summary>
    private static IEnumerable<(int Start, int End)> Runs(Source source, int start, int end)
    {
        for (var i = start; i < end;)
        {
            var runStart = i;
            while (i < end && source.Styles[i] == source.Styles[runStart] && source.Levels[i] == source.Levels[runStart]) i++;
            yield return (runStart, i);
        }
    }

    private static float RangeWidth(FontSet fonts, Source source, int start, int end) =>
        Runs(source, start, end).Sum(r => fonts.Width(source.Text[r.Start..r.End], source.Styles[r.Start], source.Levels[r.Start] % 2 == 1));

    /// <summary>
    /// Lays the line out by rule L2 and cuts it into runs of one style and one direction: characters that
    /// follow each other in visual order and in logical order (forwards at even levels, backwards at odd ones).
    /// Runs come left to right, each with where it starts in the text.
    /// </summary>
    private static List<(int Start, string Text, TextStyle Style, bool RightToLeft)> VisualRuns(Line line)
    {
        var source = line.Source;
        var order = Bidi.VisualOrder(source.Levels.AsSpan(line.Start, line.End - line.Start));
        var runs = new List<(int, string, TextStyle, bool)>();
        for (var i = 0; i < order.Length;)
        {
            var first = line.Start + order[i];
            var rightToLeft = source.Levels[first] % 2 == 1;
            var step = rightToLeft ? -1 : 1;
            var last = first;
            for (i++; i < order.Length; i++)
            {
                var next = line.Start + order[i];
                if (next != last + step || source.Levels[next] != source.Levels[first] || source.Styles[next] != source.Styles[first]) break;
                last = next;
            }
            var (from, to) = rightToLeft ? (last, first) : (first, last);
            runs.Add((from, source.Text[from..(to + 1)], source.Styles[first], rightToLeft));
        }
        return runs;
    }

    private void DrawLine(SKCanvas canvas, FontSet fonts, Line line, float left, float baseline, float width)
    {
        if (line.Start == line.End) return;
        var runs = VisualRuns(line).Select(r => (r.Start, Text: fonts.Prepare(r.Text, r.Style, r.RightToLeft))).ToList();
        if (fonts.Collecting) return;
        var total = runs.Sum(r => r.Text.Width);
        var x = (Align, Direction == TextDirection.RightToLeft) switch
        {
            (TextAlign.Center, _) => left + (width - total) / 2,
            (TextAlign.Start, true) or (TextAlign.End, false) => left + width - total,
            _ => left,
        };
        var placed = new List<(int Start, PreparedText Text, float X)>();
        foreach (var (start, text) in runs)
        {
            placed.Add((start, text, x));
            x += text.Width;
        }
        // Placed by the bidi algorithm, written in reading order: text taken in content order reads as written.
        foreach (var run in placed.OrderBy(r => r.Start)) fonts.Draw(canvas, run.Text, run.X, baseline);
    }
}
