using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents;
using ExercisePlanner.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace ExercisePlanner.Tests.Documents;

/// <summary>Documents partners can file and search: small (fonts subset), and text that reads back as written.</summary>
public sealed class ReadableDocumentTests
{
    private static readonly PdfDocumentRenderer Renderer = new();
    private static readonly DocumentModel Model = DocumentModels.For(Samples.Proposal(), "ar");

    [Theory]
    [InlineData(DocumentKind.Plan)]
    [InlineData(DocumentKind.Memorandum)]
    [InlineData(DocumentKind.Record)]
    public void Each_document_embeds_only_the_glyphs_it_uses_and_stays_under_100_KB(DocumentKind kind)
    {
        var pdf = Renderer.Render(kind, Model);

        var fonts = EmbeddedFonts(pdf);
        Assert.NotEmpty(fonts);
        // DejaVu Sans has 6,253 glyphs; a subset keeps the document's characters and their joining forms and ligatures.
        Assert.All(fonts, font => Assert.InRange(GlyphCount(font), 20, 400));
        Assert.True(pdf.Length < 100 * 1024, $"{kind}: {pdf.Length / 1024} KB");
    }

    [Fact]
    public void A_20_page_plan_stays_under_150_KB()
    {
        var pdf = Renderer.Render(DocumentKind.Plan, DocumentModels.For(Core.Features.Demo.DemoData.Large(nations: 30, objectives: 265)));

        Assert.True(Pdf.PageTexts(pdf).Count >= 20);
        Assert.True(pdf.Length < 150 * 1024, $"{pdf.Length / 1024} KB");
    }

    [Fact]
    public void Latin_ligatures_read_back_as_the_letters_written()
    {
        var pdf = Renderer.Render(DocumentKind.Plan, Model);

        // DejaVu sets "ff" as one ligature glyph; the PDF says which letters it stands for.
        Assert.Contains("Joint Staff College, Amman", Pdf.PageTexts(pdf)[0]);
        Assert.Contains("Joint Staff College, Amman", Pdf.ContentTexts(pdf)[0]);
        Assert.Contains("Joint Staff College, Amman", Pdf.PdfToText(pdf)[0]);
    }

    [Fact]
    public void Arabic_reads_back_as_base_letters_in_logical_order()
    {
        var pdf = Renderer.Render(DocumentKind.Memorandum, Model);
        var pig = string.Join("\n", Pdf.ContentTexts(pdf));
        var poppler = string.Join("\n", Pdf.PdfToText(pdf));

        foreach (var text in new[] { pig, poppler })
        {
            Assert.Contains("مذكرة تفاهم", text);
            Assert.Contains("إدراكا منهم لقيمة التدريب المشترك لقواتهم المسلحة", text);
            // Joining forms (presentation forms A and B) never come out: only the letters written.
            Assert.DoesNotMatch(@"[\uFB50-\uFDFF\uFE70-\uFEFF]", text);
        }
        // In content order, lines that mix Arabic with numbers and Latin names read exactly as written, and so
        // do lam-alef ligatures (one glyph for two letters). pdftotext orders mixed lines by its own reckoning,
        // marking embeddings with U+202B/U+202C, and reverses the two letters of a lam-alef ("اإلنهاء").
        Assert.Contains("المادة 12 — الإنهاء", pig);
        Assert.Contains("للتمرين Northern Bridge 2027 (NORTHERN-BRIDGE-27)، قد توصلوا", pig.Replace("\n", " "));
    }

    /// <summary>The TrueType programs embedded in the PDF (FontFile2 streams, Flate-compressed by Skia).</summary>
    private static List<byte[]> EmbeddedFonts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Regex.Matches(Encoding.Latin1.GetString(pdf), @"/FontFile2 (\d+) (\d+) R")
            .Select(m => new IndirectReference(long.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)))
            .Distinct()
            .Select(reference =>
            {
                var stream = (StreamToken)document.Structure.GetObject(reference).Data;
                using var inflate = new ZLibStream(new MemoryStream(stream.Data.ToArray()), CompressionMode.Decompress);
                using var font = new MemoryStream();
                inflate.CopyTo(font);
                return font.ToArray();
            }).ToList();
    }

    /// <summary>numGlyphs from the font's 'maxp' table.</summary>
    private static int GlyphCount(byte[] font)
    {
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + 16 * i);
            if (Encoding.ASCII.GetString(record[..4]) == "maxp")
                return BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]) + 4));
        }
        throw new InvalidDataException("no maxp table");
    }
}
