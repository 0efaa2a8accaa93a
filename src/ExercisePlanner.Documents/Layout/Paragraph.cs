using SkiaSharp;

namespace ExercisePlanner.Documents.Layout;

public enum TextDirection { LeftToRight, RightToLeft }

public enum TextAlign { Start, Center, End }

public sealed record Span(string Text, TextStyle Style);

/// <summary>
/// Styled spans broken into lines over shaped text. Words of the other direction (Arabic in an
/// English paragraph, numbers and Latin names in an Arabic one) are kept together and ordered as
/// the Unicode bidirectional algorithm would for such simple runs.
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

    private sealed record Word(string Text, TextStyle Style, float Width, bool RightToLeft, bool Neutral);

    public override IEnumerable<Slice> Layout(FontSet fonts, float width)
    {
        var lines = BreakLines(fonts, width);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var last = i == lines.Count - 1;
            var height = line.Count == 0 ? fonts.LineHeight(TextStyle.Body) : line.Max(w => fonts.LineHeight(w.Style));
            var ascent = line.Count == 0 ? 0 : line.Max(w => fonts.Ascent(w.Style));
            yield return new Slice(height + (last ? SpaceAfter : 0), (canvas, x, y) => DrawLine(canvas, fonts, line, x, y + ascent, width))
            {
                KeepWithNext = KeepWithNext || !last && lines.Count == 2,
            };
        }
    }

    private List<List<Word>> BreakLines(FontSet fonts, float width)
    {
        var lines = new List<List<Word>> { new() };
        var used = 0f;
        foreach (var span in _spans)
        {
            var paragraphs = span.Text.Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0) { lines.Add([]); used = 0; }
                foreach (var text in paragraphs[p].Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => FitWord(fonts, w, span.Style, width)))
                {
                    var word = new Word(text, span.Style, fonts.Width(text, span.Style), Bidi.IsRightToLeft(text), Bidi.IsNeutral(text));
                    var space = lines[^1].Count == 0 ? 0 : fonts.Width(" ", span.Style);
                    if (lines[^1].Count > 0 && used + space + word.Width > width)
                    {
                        lines.Add([]);
                        used = 0;
                        space = 0;
                    }
                    lines[^1].Add(word);
                    used += space + word.Width;
                }
            }
        }
        return lines;
    }

    private static bool NeutralDirection(List<Word> line, int index, bool paragraphRightToLeft)
    {
        var before = line.Take(index).LastOrDefault(w => !w.Neutral);
        var after = line.Skip(index + 1).FirstOrDefault(w => !w.Neutral);
        return before is not null && after is not null && before.RightToLeft == after.RightToLeft ? before.RightToLeft : paragraphRightToLeft;
    }

    /// <summary>A word wider than the line (a long code, a hash) is broken between characters.</summary>
    private static IEnumerable<string> FitWord(FontSet fonts, string word, TextStyle style, float width)
    {
        if (fonts.Width(word, style) <= width) { yield return word; yield break; }
        var start = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            if (end - start > 1 && fonts.Width(word[start..end], style) > width)
            {
                yield return word[start..(end - 1)];
                start = end - 1;
            }
        }
        yield return word[start..];
    }

    private void DrawLine(SKCanvas canvas, FontSet fonts, List<Word> line, float left, float baseline, float width)
    {
        if (line.Count == 0) return;
        var rtl = Direction == TextDirection.RightToLeft;
        // Neutral words (dashes, lone punctuation) between two words of one direction take that direction,
        // otherwise the paragraph's (rules N1 and N2 of the Unicode bidirectional algorithm).
        var resolved = line.Select((word, i) => word.Neutral ? word with { RightToLeft = NeutralDirection(line, i, rtl) } : word).ToList();
        var runs = new List<List<Word>>();
        foreach (var word in resolved)
        {
            if (runs.Count > 0 && runs[^1][0].RightToLeft == word.RightToLeft) runs[^1].Add(word);
            else runs.Add([word]);
        }
        var visual = new List<Word>();
        foreach (var run in rtl ? Enumerable.Reverse(runs) : runs)
            visual.AddRange(run[0].RightToLeft ? Enumerable.Reverse(run) : run);

        var space = fonts.Width(" ", line[0].Style);
        var total = visual.Sum(w => w.Width) + space * (visual.Count - 1);
        var start = (Align, rtl) switch
        {
            (TextAlign.Center, _) => left + (width - total) / 2,
            (TextAlign.Start, true) or (TextAlign.End, false) => left + width - total,
            _ => left,
        };
        foreach (var word in visual)
        {
            fonts.Draw(canvas, word.Text, start, baseline, word.Style);
            start += word.Width + space;
        }
    }
}

internal static class Bidi
{
    /// <summary>Arabic letters are strongly right to left; Arabic punctuation (، ؛ ؟) is not.</summary>
    public static bool IsRightToLeft(string text) => text.Any(c => IsArabic(c) && char.IsLetter(c));

    /// <summary>Words without letters or digits take the direction of their neighbours.</summary>
    public static bool IsNeutral(string text) => !text.Any(char.IsLetterOrDigit);

    private static bool IsArabic(char c) =>
        c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
