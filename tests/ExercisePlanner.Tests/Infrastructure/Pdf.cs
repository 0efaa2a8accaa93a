using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>
/// Reads a rendered PDF back as a reader would, without any normalisation: PdfPig (honouring the
/// ActualText the documents carry for ligatures and Arabic joining forms), and poppler's pdftotext.
/// </summary>
public static class Pdf
{
    private static readonly ParsingOptions Options = new() { UseActualText = true };

    /// <summary>Each page's words, ordered by their place on the page (left to right, top to bottom).</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf, Options);
        return document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>Each page's text in the order the content stream gives it: as written, right-to-left text in logical order.</summary>
    public static IReadOnlyList<string> ContentTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf, Options);
        return document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page)).ToList();
    }

    /// <summary>poppler's pdftotext (Debian's poppler-utils, installed by CI), one string per page.</summary>
    public static IReadOnlyList<string> PdfToText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pdftotext-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("pdftotext did not start");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text.Split('\f')[..^1];
        }
        finally { File.Delete(file); }
    }

    /// <summary>
    /// Whether the phrase's words appear in the text in order. PdfPig reads a table line by line across its cells,
    /// so a comment that wraps in its cell comes back interleaved with its neighbours' words.
    /// </summary>
    public static bool HasInOrder(string text, string phrase)
    {
        var words = text.Split(' ', '\n');
        var at = 0;
        foreach (var word in phrase.Split(' '))
        {
            at = Array.IndexOf(words, word, at);
            if (at < 0) return false;
            at++;
        }
        return true;
    }

    private static bool IsArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF');
}
