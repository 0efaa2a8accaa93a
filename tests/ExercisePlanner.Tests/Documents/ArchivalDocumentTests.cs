using System.Text;
using System.Text.RegularExpressions;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents;
using ExercisePlanner.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ExercisePlanner.Tests.Documents;

/// <summary>
/// What can be checked of PDF/A-2b without a validator: the XMP identification, the output intent,
/// every font embedded, and the document information and language.
/// </summary>
public sealed class ArchivalDocumentTests
{
    private static readonly PdfDocumentRenderer Renderer = new();

    [Theory]
    [InlineData(DocumentKind.Plan, "Exercise Plan")]
    [InlineData(DocumentKind.Memorandum, "Memorandum of Understanding")]
    [InlineData(DocumentKind.Record, "Approval Record")]
    public void Every_document_is_marked_PDF_A_2b_with_its_metadata_and_fonts_embedded(DocumentKind kind, string title)
    {
        var pdf = Renderer.Render(kind, DocumentModels.For(Samples.Proposal(), "ar"));
        using var document = PdfDocument.Open(pdf);

        Assert.True(document.TryGetXmpMetadata(out var xmp));
        var xml = Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Matches(@"pdfaid:part(>|="")2", xml);
        Assert.Matches(@"pdfaid:conformance(>|="")B", xml);
        Assert.Contains($"{title} — Northern Bridge 2027 (NORTHERN-BRIDGE-27)", xml);

        var catalog = document.Structure.Catalog.CatalogDictionary;
        Assert.Equal("en", Assert.IsType<StringToken>(catalog.Data["Lang"]).Data);
        var intent = Assert.IsType<DictionaryToken>(Assert.Single(Assert.IsType<ArrayToken>(catalog.Data["OutputIntents"]).Data));
        Assert.Equal("GTS_PDFA1", Assert.IsType<NameToken>(intent.Data["S"]).Data);
        Assert.True(intent.Data.ContainsKey("DestOutputProfile"));

        Assert.Equal($"{title} — Northern Bridge 2027 (NORTHERN-BRIDGE-27)", document.Information.Title);
        Assert.Equal("Exercise planning office, Türkiye (TUR)", document.Information.Author);
        Assert.Equal("NORTHERN-BRIDGE-27, revision 2; RESTRICTED — REL TO JOR, TUR, PAK", document.Information.Subject);

        var raw = Encoding.Latin1.GetString(pdf);
        var descriptors = Regex.Matches(raw, @"/Type /FontDescriptor").Count;
        Assert.True(descriptors > 0);
        Assert.Equal(descriptors, Regex.Matches(raw, @"/FontFile2 \d+ 0 R").Count);
    }
}
