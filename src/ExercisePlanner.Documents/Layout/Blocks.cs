using SkiaSharp;

namespace ExercisePlanner.Documents.Layout;

/// <summary>
/// An indivisible horizontal band of a page: a line of text, a table row, a kept-together block.
/// Pagination only ever breaks between slices.
/// </summary>
public sealed record Slice(float Height, Action<SKCanvas, float, float> Draw)
{
    /// <summary>For table rows: the header row to repeat when the row starts a new page.</summary>
    public Slice? RepeatHeader { get; init; }
    /// <summary>Headings: move to the next page together with what follows.</summary>
    public bool KeepWithNext { get; init; }
    public bool PageBreak { get; init; }
}

/// <summary>A piece of content that lays itself out into slices for a given width.</summary>
public abstract class Block
{
    public abstract IEnumerable<Slice> Layout(FontSet fonts, float width);
}

public sealed class Spacer(float height) : Block
{
    public override IEnumerable<Slice> Layout(FontSet fonts, float width) => [new Slice(height, (_, _, _) => { })];
}

public sealed class PageBreak : Block
{
    public override IEnumerable<Slice> Layout(FontSet fonts, float width) => [new Slice(0, (_, _, _) => { }) { PageBreak = true }];
}

/// <summary>Content that must not be split across pages, such as a signature block.</summary>
public sealed class KeepTogether(params Block[] blocks) : Block
{
    public override IEnumerable<Slice> Layout(FontSet fonts, float width)
    {
        var slices = blocks.SelectMany(b => b.Layout(fonts, width)).ToList();
        return [new Slice(slices.Sum(s => s.Height), (canvas, x, y) =>
        {
            foreach (var slice in slices)
            {
                slice.Draw(canvas, x, y);
                y += slice.Height;
            }
        })];
    }
}

/// <summary>A frame around content, with inner padding: signature blocks, notes.</summary>
public sealed class Boxed(Block content, float padding = 8) : Block
{
    public override IEnumerable<Slice> Layout(FontSet fonts, float width)
    {
        var inner = content.Layout(fonts, width - 2 * padding).ToList();
        var height = inner.Sum(s => s.Height) + 2 * padding;
        return [new Slice(height, (canvas, x, y) =>
        {
            using var border = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 0.75f, Color = SKColors.Black };
            canvas.DrawRect(x, y, width, height, border);
            var top = y + padding;
            foreach (var slice in inner)
            {
                slice.Draw(canvas, x + padding, top);
                top += slice.Height;
            }
        })];
    }
}
