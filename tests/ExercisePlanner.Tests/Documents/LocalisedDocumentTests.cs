using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Documents;

/// <summary>The memorandum's Arabic and French texts name nations, dates and shares in their own language (CLDR through ICU).</summary>
public sealed class LocalisedDocumentTests
{
    private static readonly PdfDocumentRenderer Renderer = new();

    private static string Memorandum(string language) =>
        string.Join(" ", Pdf.ContentTexts(Renderer.Render(DocumentKind.Memorandum, DocumentModels.For(Samples.Proposal(), language)))).Replace("\n", " ");

    [Fact]
    public void The_arabic_text_names_nations_in_arabic_with_arabic_month_names_and_latin_digits()
    {
        var text = Memorandum("ar");

        Assert.Contains("الأردن، تركيا، باكستان", text);                       // "between" the contributing nations
        Assert.Contains("توفر الأردن مرافق التمرين", text);                      // Article 3: the host
        Assert.Contains("تتولى تركيا إدارة عملية التخطيط", text);               // Article 4: the lead
        Assert.Contains("عن الأردن", text);                                     // signature block
        Assert.Contains("من 6 سبتمبر 2027 إلى 17 سبتمبر 2027", text);
        Assert.DoesNotContain("توفر Jordan", text);
        Assert.Contains("Jordan will provide the exercise facilities", text);   // the English beside it stays English
        Assert.Contains("from 6 September 2027 to 17 September 2027", text);
    }

    [Fact]
    public void The_french_text_names_nations_in_french_with_french_dates_and_percentages()
    {
        var text = Memorandum("fr");

        Assert.Contains("Jordanie, Turquie, Pakistan", text);
        Assert.Contains("Jordanie fournit les installations", text);
        Assert.Contains("Pour Turquie", text);
        Assert.Contains("du 6 septembre 2027 au 17 septembre 2027", text);
        Assert.Contains("JOR 40\u00A0%, TUR 40\u00A0%, PAK 20\u00A0%", text);   // French sets a (no-break) space before %
        Assert.Contains("JOR 40%, TUR 40%, PAK 20%", text);
    }
}
