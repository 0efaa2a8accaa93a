using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace ExercisePlanner.Documents.Layout;

/// <summary>
/// A run of text shaped by HarfBuzz, in font units: glyphs left to right with their positions, and for
/// each glyph the byte offset in <see cref="Utf8"/> of the text it stands for (its cluster), which the
/// PDF carries so readers get the text as written back from ligatures and Arabic joining forms.
/// </summary>
internal sealed record ShapedRun(byte[] Utf8, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, float Advance);

/// <summary>One font file, shaped by HarfBuzz and drawn by Skia from the same bytes, so glyph ids match.</summary>
internal sealed class FontFace : IDisposable
{
    private readonly GCHandle _pinned;
    private readonly Blob _blob;
    private readonly Font _font;

    public FontFace(byte[] data)
    {
        // HarfBuzz reads the font in place for as long as the face lives: the bytes stay pinned until Dispose.
        _pinned = GCHandle.Alloc(data, GCHandleType.Pinned);
        _blob = new Blob(_pinned.AddrOfPinnedObject(), data.Length, MemoryMode.ReadOnly);
        Face = new Face(_blob, 0);
        UnitsPerEm = Face.UnitsPerEm;
        _font = new Font(Face);
        _font.SetScale(UnitsPerEm, UnitsPerEm);
        Typeface = SKTypeface.FromData(SKData.CreateCopy(data));
    }

    public Face Face { get; }
    public int UnitsPerEm { get; }
    public SKTypeface Typeface { get; }

    public static FontFace Load(string resource)
    {
        using var stream = typeof(FontFace).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"font {resource} is not embedded");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return new FontFace(bytes.ToArray());
    }

    /// <summary>Shapes a run of one direction (the bidi algorithm has already split the line into such runs).</summary>
    public ShapedRun Shape(string text, bool rightToLeft)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new Buffer();
        buffer.AddUtf8(utf8);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.GuessSegmentProperties();
        _font.Shape(buffer);

        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var x = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(x + positions[i].XOffset, -positions[i].YOffset);
            x += positions[i].XAdvance;
        }
        return new ShapedRun(utf8, glyphs, points, clusters, x);
    }

    public void Dispose()
    {
        _font.Dispose();
        Face.Dispose();
        _blob.Dispose();
        _pinned.Free();
        Typeface.Dispose();
    }
}
