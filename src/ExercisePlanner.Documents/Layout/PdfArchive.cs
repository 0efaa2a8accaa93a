using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ExercisePlanner.Documents.Layout;

/// <summary>
/// What Skia's PDF/A output lacks for an archive: identifiers that depend on the content alone, and the
/// document's natural language.
/// </summary>
internal static partial class PdfArchive
{
    public static byte[] Finish(byte[] pdf, string language) => SetLanguage(IdentifyByContent(pdf), language);

    /// <summary>
    /// Skia makes the document's identifier (XMP DocumentID and InstanceID, trailer /ID) from the clock, so
    /// the same data would give different bytes. It is replaced by a name-based UUID (version 5 layout) from
    /// the SHA-256 of the file with the identifier blanked: in the XMP in place at the same length, and in
    /// the trailer, which follows everything that has an offset.
    /// </summary>
    private static byte[] IdentifyByContent(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var uuid = XmpUuid().Match(text).Groups["uuid"].Value;
        var trailerId = TrailerId().Match(text);
        if (uuid.Length != 36 || !trailerId.Success) throw new InvalidOperationException("the PDF has no document identifier to replace");
        string With(string id, string hex) => (text[..trailerId.Index] + $"/ID [<{hex}> <{hex}>]" + text[(trailerId.Index + trailerId.Length)..])
            .Replace(uuid, id, StringComparison.Ordinal);

        var hash = SHA256.HashData(Encoding.Latin1.GetBytes(With("00000000-0000-0000-0000-000000000000", new string('0', 32))))[..16];
        hash[6] = (byte)(hash[6] & 0x0F | 0x50);
        hash[8] = (byte)(hash[8] & 0x3F | 0x80);
        var hex = Convert.ToHexString(hash);
        return Encoding.Latin1.GetBytes(With(new Guid(hex).ToString(), hex));
    }

    /// <summary>
    /// Sets the catalog's <c>/Lang</c>, which screen readers, search and PDF/A validators read. Skia's PDF
    /// backend has no setting for it, so it is added as an incremental update, the way PDF lets a file be
    /// amended: a new version of the catalog appended with its own cross-reference section.
    /// </summary>
    private static byte[] SetLanguage(byte[] pdf, string language)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailerAt = text.LastIndexOf("\ntrailer", StringComparison.Ordinal);
        var trailer = TrailerDictionary().Match(text, trailerAt).Groups["dict"].Value;
        var root = int.Parse(RootReference().Match(trailer).Groups["n"].Value, CultureInfo.InvariantCulture);
        var previous = StartXref().Match(text, trailerAt).Groups["offset"].Value;
        var catalog = CatalogObject(root).Match(text).Groups["body"].Value.Trim();
        if (!catalog.StartsWith("<<", StringComparison.Ordinal)) throw new InvalidOperationException("the PDF's catalog is not a dictionary");

        var update = new StringBuilder("\n");
        var objectAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{root} 0 obj\n<</Lang ({language}) {catalog[2..]}\nendobj\n");
        var xrefAt = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{root} 1\n{objectAt:D10} 00000 n\r\n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<<{trailer.Trim()[2..^2].TrimEnd()} /Prev {previous}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"uuid:(?<uuid>[0-9a-f-]{36})<")]
    private static partial Regex XmpUuid();

    /// <summary>The trailer's last entry; Skia writes its two strings as hex or as literals, whichever is shorter.</summary>
    [GeneratedRegex(@"/ID \[.*\](?=>>\s*startxref)", RegexOptions.Singleline)]
    private static partial Regex TrailerId();

    [GeneratedRegex(@"trailer\s*(?<dict><<.*?>>)\s*startxref", RegexOptions.Singleline)]
    private static partial Regex TrailerDictionary();

    [GeneratedRegex(@"/Root\s+(?<n>\d+)\s+0\s+R")]
    private static partial Regex RootReference();

    [GeneratedRegex(@"startxref\s+(?<offset>\d+)")]
    private static partial Regex StartXref();

    private static Regex CatalogObject(int number) => new($@"(?<![0-9]){number} 0 obj\s*(?<body>.*?)\s*endobj", RegexOptions.Singleline);
}
