using SkiaSharp;

namespace ExercisePlanner.Documents.Layout;

/// <summary>How a run of text looks. Colours are ARGB so styles compare by value.</summary>
public readonly record struct TextStyle(float Size = 10, bool Bold = false, uint Color = 0xFF000000)
{
    public static readonly TextStyle Body = new(10);
    public static readonly TextStyle Strong = new(10, Bold: true);
    public static readonly TextStyle Small = new(8);
    public static readonly TextStyle Title = new(22, Bold: true);
    public static readonly TextStyle Heading = new(14, Bold: true);
    public static readonly TextStyle Subheading = new(11, Bold: true);

    public TextStyle WithColor(uint argb) => this with { Color = argb };
}

/// <summary>A run of text ready to draw: shaped (null while collecting) and measured in points.</summary>
internal sealed record PreparedText(ShapedRun? Shaped, TextStyle Style, bool RightToLeft, float Width);

/// <summary>
/// The fonts shipped with the project (DejaVu Sans, which covers Latin, Cyrillic, Greek and Arabic),
/// loaded from the assembly so output never depends on the machine's fonts. Text is shaped with HarfBuzz.
/// A document is drawn twice: first only to learn which characters each face draws (<see cref="Collecting"/>),
/// then, after <see cref="Subset"/>, for real with faces cut down to those characters, so the PDF embeds
/// a few hundred glyphs instead of DejaVu's 6,253. Widths are the same in both faces.
/// </summary>
public sealed class FontSet : IDisposable
{
    private static readonly FontFace Regular = FontFace.Load("Fonts.DejaVuSans.ttf");
    private static readonly FontFace Bold = FontFace.Load("Fonts.DejaVuSans-Bold.ttf");

    private readonly SortedSet<int> _regularUsed = [];
    private readonly SortedSet<int> _boldUsed = [];
    private FontFace? _regularSubset;
    private FontFace? _boldSubset;
    private readonly Dictionary<(bool, float), SKFont> _fonts = [];
    private readonly Dictionary<(string, bool, bool), float> _widths = [];
    private readonly SKPaint _paint = new() { IsAntialias = true };

    /// <summary>True until <see cref="Subset"/>: drawing only records characters.</summary>
    public bool Collecting => _regularSubset is null;

    /// <summary>The advance of a run of one direction.</summary>
    public float Width(string text, TextStyle style, bool rightToLeft = false)
    {
        var key = (text, style.Bold, rightToLeft);
        if (!_widths.TryGetValue(key, out var em))
        {
            var face = style.Bold ? Bold : Regular;
            _widths[key] = em = face.Shape(text, rightToLeft).Advance / face.UnitsPerEm;
        }
        return em * style.Size;
    }

    public float LineHeight(TextStyle style) => style.Size * 1.3f;

    /// <summary>Distance from the top of a line to its baseline.</summary>
    public float Ascent(TextStyle style) => style.Size * 1.02f;

    /// <summary>Draws a run of one direction, with its text and cluster map so the PDF can give the text back as written.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, TextStyle style, bool rightToLeft = false) =>
        Draw(canvas, Prepare(text, style, rightToLeft), x, baseline);

    /// <summary>
    /// A run shaped with the document's subset face, its width known before it is placed (so a line is shaped
    /// once). While collecting, only records the run's characters and stands in with no width.
    /// </summary>
    internal PreparedText Prepare(string text, TextStyle style, bool rightToLeft)
    {
        if (Collecting)
        {
            var used = style.Bold ? _boldUsed : _regularUsed;
            foreach (var rune in text.EnumerateRunes()) used.Add(rune.Value);
            return new PreparedText(null, style, rightToLeft, 0);
        }
        var face = style.Bold ? _boldSubset! : _regularSubset!;
        var shaped = face.Shape(text, rightToLeft);
        return new PreparedText(shaped, style, rightToLeft, shaped.Advance * style.Size / face.UnitsPerEm);
    }

    internal void Draw(SKCanvas canvas, PreparedText text, float x, float baseline)
    {
        if (text.Shaped is not { Glyphs.Length: > 0 } shaped) return;
        var scale = text.Width / shaped.Advance;
        var positions = shaped.Positions.Select(p => new SKPoint(p.X * scale, p.Y * scale)).ToArray();
        var (glyphs, clusters) = (shaped.Glyphs, shaped.Clusters);
        if (text.RightToLeft)
        {
            // Each glyph keeps its place on the page, but the content stream lists them in reading order,
            // so readers that take text in stream order get right-to-left text in logical order too.
            (glyphs, clusters) = (glyphs.Reverse().ToArray(), clusters.Reverse().ToArray());
            Array.Reverse(positions);
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(Font(text.Style), glyphs.Length, shaped.Utf8.Length);
        run.SetGlyphs(glyphs);
        run.SetPositions(positions);
        run.SetText(shaped.Utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        _paint.Color = new SKColor(text.Style.Color);
        canvas.DrawText(blob, x, baseline, _paint);
    }

    /// <summary>Ends collecting: from now on text is drawn with faces holding only the characters collected.</summary>
    public void Subset()
    {
        _regularSubset = new FontFace(FontSubset.Create(Regular.Face, _regularUsed));
        _boldSubset = new FontFace(FontSubset.Create(Bold.Face, _boldUsed));
    }

    private SKFont Font(TextStyle style)
    {
        var key = (style.Bold, style.Size);
        if (!_fonts.TryGetValue(key, out var font))
            _fonts[key] = font = new SKFont(style.Bold ? _boldSubset!.Typeface : _regularSubset!.Typeface, style.Size) { Subpixel = true };
        return font;
    }

    public void Dispose()
    {
        foreach (var font in _fonts.Values) font.Dispose();
        _regularSubset?.Dispose();
        _boldSubset?.Dispose();
        _paint.Dispose();
    }
}
