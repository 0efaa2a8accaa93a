using SkiaSharp;
using SkiaSharp.HarfBuzz;

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

/// <summary>
/// The fonts shipped with the project (DejaVu Sans, which covers Latin, Cyrillic, Greek and Arabic),
/// loaded from the assembly so output never depends on the machine's fonts. Text is shaped with
/// HarfBuzz, so Arabic joins and orders correctly.
/// </summary>
public sealed class FontSet : IDisposable
{
    private static readonly SKTypeface Regular = Load("Fonts.DejaVuSans.ttf");
    private static readonly SKTypeface Bold = Load("Fonts.DejaVuSans-Bold.ttf");

    private readonly SKShaper _regularShaper = new(Regular);
    private readonly SKShaper _boldShaper = new(Bold);
    private readonly Dictionary<(bool, float), SKFont> _fonts = [];
    private readonly Dictionary<(string, bool, float), float> _widths = [];
    private readonly SKPaint _paint = new() { IsAntialias = true };

    public float Width(string text, TextStyle style)
    {
        var key = (text, style.Bold, style.Size);
        if (_widths.TryGetValue(key, out var width)) return width;
        return _widths[key] = Shaper(style).Shape(text, Font(style)).Width;
    }

    public float LineHeight(TextStyle style) => style.Size * 1.3f;

    /// <summary>Distance from the top of a line to its baseline.</summary>
    public float Ascent(TextStyle style) => style.Size * 1.02f;

    public void Draw(SKCanvas canvas, string text, float x, float baseline, TextStyle style)
    {
        _paint.Color = new SKColor(style.Color);
        canvas.DrawShapedText(Shaper(style), text, x, baseline, SKTextAlign.Left, Font(style), _paint);
    }

    private SKShaper Shaper(TextStyle style) => style.Bold ? _boldShaper : _regularShaper;

    private SKFont Font(TextStyle style)
    {
        var key = (style.Bold, style.Size);
        if (!_fonts.TryGetValue(key, out var font))
            _fonts[key] = font = new SKFont(style.Bold ? Bold : Regular, style.Size) { Subpixel = true };
        return font;
    }

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(FontSet).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"font {resource} is not embedded");
        return SKTypeface.FromStream(stream);
    }

    public void Dispose()
    {
        _regularShaper.Dispose();
        _boldShaper.Dispose();
        foreach (var font in _fonts.Values) font.Dispose();
        _paint.Dispose();
    }
}
