using System.Text;
using UglyToad.PdfPig;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>Reads a rendered PDF back with PdfPig: the text of each page, with Arabic turned back into logical order.</summary>
public static class Pdf
{
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // NFKC also turns the ligatures HarfBuzz sets (ﬁ, ﬀ) back into letters, as a search would.
        return document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormKC)).ToList();
    }

    /// <summary>
    /// Words of the pages. Arabic glyphs come out as presentation forms in visual order; reversing each
    /// word and normalising (NFKC) gives the letters as written.
    /// </summary>
    public static IReadOnlyList<string> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(page => page.GetWords())
            .Select(w => IsArabic(w.Text) ? new string(w.Text.Reverse().ToArray()).Normalize(NormalizationForm.FormKC) : w.Text)
            .ToList();
    }

    private static bool IsArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF');
}
