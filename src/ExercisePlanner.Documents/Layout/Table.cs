using SkiaSharp;

namespace ExercisePlanner.Documents.Layout;

/// <summary>A table with a header row that repeats at the top of every page the table continues on. Rows never split.</summary>
public sealed class Table(params float[] relativeWidths) : Block
{
    private const float Padding = 4;
    private static readonly TextStyle CellStyle = new(9);
    private readonly List<Paragraph> _header = [];
    private readonly List<IReadOnlyList<Paragraph>> _rows = [];

    public Table Header(params string[] cells)
    {
        _header.AddRange(cells.Select(c => new Paragraph(c, CellStyle with { Bold = true }) { SpaceAfter = 0 }));
        return this;
    }

    public Table Row(params string[] cells) => Row(cells.Select(c => new Paragraph(c, CellStyle) { SpaceAfter = 0 }).ToArray());

    public Table Row(params Paragraph[] cells)
    {
        if (cells.Length != relativeWidths.Length)
            throw new ArgumentException($"a row of this table has {relativeWidths.Length} cells, not {cells.Length}");
        _rows.Add(cells);
        return this;
    }

    public override IEnumerable<Slice> Layout(FontSet fonts, float width)
    {
        var total = relativeWidths.Sum();
        var widths = relativeWidths.Select(w => w / total * width).ToArray();
        var header = _header.Count == 0 ? null : RowSlice(fonts, _header, widths, shaded: true) with { KeepWithNext = true };
        if (header is not null) yield return header;
        foreach (var row in _rows) yield return RowSlice(fonts, row, widths, shaded: false) with { RepeatHeader = header };
        yield return new Slice(6, (_, _, _) => { });
    }

    private static Slice RowSlice(FontSet fonts, IReadOnlyList<Paragraph> cells, float[] widths, bool shaded)
    {
        var laidOut = cells.Select((cell, i) => cell.Layout(fonts, widths[i] - 2 * Padding).ToList()).ToList();
        var height = laidOut.Max(lines => lines.Sum(l => l.Height)) + 2 * Padding;
        return new Slice(height, (canvas, x, y) =>
        {
            using var border = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, Color = new SKColor(0xFF808080) };
            using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = new SKColor(0xFFE8ECF2) };
            var left = x;
            for (var i = 0; i < laidOut.Count; i++)
            {
                if (shaded) canvas.DrawRect(left, y, widths[i], height, fill);
                canvas.DrawRect(left, y, widths[i], height, border);
                var top = y + Padding;
                foreach (var line in laidOut[i])
                {
                    line.Draw(canvas, left + Padding, top);
                    top += line.Height;
                }
                left += widths[i];
            }
        });
    }
}
