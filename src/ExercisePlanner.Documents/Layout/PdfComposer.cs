using SkiaSharp;

namespace ExercisePlanner.Documents.Layout;

/// <summary>What a page decoration (header, footer) may draw and know.</summary>
public sealed record PageInfo(SKCanvas Canvas, FontSet Fonts, int Number, int Count, SKRect Page, SKRect Content);

/// <summary>
/// A document in QuestPDF's spirit, as small as these documents need: A4 pages with margins, a header
/// and footer drawn on every page (knowing "page X of Y"), and blocks paginated between slices, with
/// table headers repeated and headings kept with what follows. Rendering is deterministic: the same
/// content gives the same bytes. Output is PDF/A-2b.
/// </summary>
public sealed class PdfComposer
{
    public float PageWidth { get; init; } = 595.28f;   // A4 in points
    public float PageHeight { get; init; } = 841.89f;
    public float Margin { get; init; } = 56;
    public float HeaderHeight { get; init; } = 28;
    public float FooterHeight { get; init; } = 36;
    public Action<PageInfo>? Header { get; init; }
    public Action<PageInfo>? Footer { get; init; }
    public required string Title { get; init; }
    public string Author { get; init; } = "ExercisePlanner";
    public string Subject { get; init; } = "";
    /// <summary>The document's main language (BCP 47), written as the catalog's /Lang.</summary>
    public string Language { get; init; } = "en";
    /// <summary>Written as the PDF's creation and modification date; from the data, never the clock.</summary>
    public required DateTime Date { get; init; }

    public List<Block> Content { get; } = [];

    public PdfComposer Add(params Block[] blocks)
    {
        Content.AddRange(blocks);
        return this;
    }

    public byte[] Render()
    {
        using var fonts = new FontSet();
        var content = new SKRect(Margin, Margin + HeaderHeight, PageWidth - Margin, PageHeight - Margin - FooterHeight);
        var pages = Paginate(Content.SelectMany(b => b.Layout(fonts, content.Width)).ToList(), content.Height);

        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Title, Author = Author, Subject = Subject, Creator = "ExercisePlanner", Producer = "ExercisePlanner",
            Creation = Date, Modified = Date, RasterDpi = 150,
            // PDF/A-2b for archives: XMP metadata, an sRGB output intent, every font embedded (see docs/documents.md).
            PdfA = true,
        };
        var page = new SKRect(0, 0, PageWidth, PageHeight);
        // A first pass draws nowhere: it tells the fonts which characters the document uses.
        using (var nowhere = new SKNoDrawCanvas((int)PageWidth, (int)PageHeight))
            for (var i = 0; i < pages.Count; i++) DrawPage(nowhere, fonts, pages, i, page, content);
        fonts.Subset();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                DrawPage(document.BeginPage(PageWidth, PageHeight), fonts, pages, i, page, content);
                document.EndPage();
            }
            document.Close();
        }
        return PdfArchive.Finish(stream.ToArray(), Language);
    }

    private void DrawPage(SKCanvas canvas, FontSet fonts, List<List<(Slice Slice, float Y)>> pages, int index, SKRect page, SKRect content)
    {
        var info = new PageInfo(canvas, fonts, index + 1, pages.Count, page, content);
        Header?.Invoke(info);
        Footer?.Invoke(info);
        foreach (var (slice, y) in pages[index]) slice.Draw(canvas, content.Left, content.Top + y);
    }

    private static List<List<(Slice Slice, float Y)>> Paginate(List<Slice> slices, float available)
    {
        var pages = new List<List<(Slice, float)>> { new() };
        var y = 0f;
        void NewPage()
        {
            pages.Add([]);
            y = 0;
        }

        for (var i = 0; i < slices.Count; i++)
        {
            var slice = slices[i];
            if (slice.PageBreak)
            {
                if (pages[^1].Count > 0) NewPage();
                continue;
            }
            var needed = slice.Height;
            // Keep headings (and paragraph openings) with the next slice.
            for (var j = i; j < slices.Count - 1 && slices[j].KeepWithNext && !slices[j + 1].PageBreak; j++) needed += slices[j + 1].Height;
            if (y + needed > available && pages[^1].Count > 0)
            {
                NewPage();
                if (slice.RepeatHeader is { } header)
                {
                    pages[^1].Add((header, y));
                    y += header.Height;
                }
            }
            pages[^1].Add((slice, y));
            y += slice.Height;
        }
        return pages;
    }
}
