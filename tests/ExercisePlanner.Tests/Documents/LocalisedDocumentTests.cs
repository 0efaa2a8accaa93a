using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Documents;

/// <summary>The memorandum's Arabic and French texts name nations, dates and shares in their own language (CLDR through ICU).</summary>
public sealed class LocalisedDocumentTests
{
    private static readonly PdfDocumentRenderer Renderer = new();

    private static string Memorandum(string? language, Func<ProposalContent, ProposalContent>? change = null) =>
        string.Join(" ", Pdf.ContentTexts(Renderer.Render(DocumentKind.Memorandum,
            DocumentModels.For((change ?? (p => p))(Samples.Proposal()), language)))).Replace("\n", " ");

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

        Assert.Contains("la Jordanie, la Turquie, le Pakistan", text);     // "entre": names with their articles
        Assert.Contains("La Jordanie fournit les installations", text);   // Article 3 starts with the host
        Assert.Contains("La Turquie dirige la planification", text);
        Assert.Contains("Pour la Turquie", text);                         // signature block
        Assert.Contains("du 6 septembre 2027 au 17 septembre 2027", text);
        Assert.Contains("JOR 40\u00A0%, TUR 40\u00A0%, PAK 20\u00A0%", text);   // French sets a (no-break) space before %
        Assert.Contains("JOR 40%, TUR 40%, PAK 20%", text);
    }

    [Fact]
    public void Releasable_to_all_participants_is_said_in_each_language_of_the_memorandum()
    {
        var french = Memorandum("fr", p => p with { ReleasableTo = [] });
        var arabic = Memorandum("ar", p => p with { ReleasableTo = [] });

        Assert.Contains("diffusables uniquement à tous les Participants", french);
        Assert.Contains("جميع المشاركين", arabic);
        var english = Memorandum(null, p => p with { ReleasableTo = [] });
        foreach (var text in new[] { french, arabic }) // "all Participants" only where the English text says it
            Assert.Equal(Count(english, "all Participants"), Count(text, "all Participants"));
    }

    private static int Count(string text, string phrase) => System.Text.RegularExpressions.Regex.Matches(text, phrase).Count;

    [Theory]
    [InlineData("JOR", "la Jordanie")]
    [InlineData("PAK", "le Pakistan")]
    [InlineData("IDN", "l'Indonésie")]
    [InlineData("MEX", "le Mexique")]
    [InlineData("ARE", "les Émirats arabes unis")]
    [InlineData("SGP", "Singapour")]
    [InlineData("HND", "le Honduras")]
    public void French_names_a_nation_with_the_article_it_takes(string code, string expected)
    {
        Assert.Equal(expected, ExercisePlanner.Documents.Texts.Locales.NationInSentence(code, "fr"));
    }

    [Theory]
    [InlineData("GBR", "the United Kingdom")]
    [InlineData("NLD", "the Netherlands")]
    [InlineData("ARE", "the United Arab Emirates")]
    [InlineData("USA", "the United States of America")]
    [InlineData("PHL", "the Philippines")]
    [InlineData("RUS", "the Russian Federation")]
    [InlineData("DOM", "the Dominican Republic")]
    [InlineData("MHL", "the Marshall Islands")]
    [InlineData("JOR", "Jordan")]
    [InlineData("TUR", "Türkiye")]
    [InlineData("KOR", "Korea, Republic of")] // an inverted name takes none
    [InlineData("VGB", "the Virgin Islands (British)")]
    [InlineData("SGS", "South Georgia and the South Sandwich Islands")]
    public void English_names_a_nation_with_the_where_english_needs_it(string code, string expected) =>
        Assert.Equal(expected, ExercisePlanner.Documents.Texts.Locales.NationInSentence(code, "en"));

    [Fact]
    public void The_english_memorandum_says_the_united_kingdom_and_the_netherlands_read_back_from_the_pdf()
    {
        var text = Memorandum(null, p => p with
        {
            Participants =
            [
                new Participant { Nation = "GBR", Roles = [ParticipantRole.Host] },
                new Participant { Nation = "NLD", Roles = [ParticipantRole.Lead] },
                new Participant { Nation = "ARE", Roles = [ParticipantRole.Participant] },
                new Participant { Nation = "JOR", Roles = [ParticipantRole.Participant] },
            ],
            CostShares = [new CostShare { Nation = "GBR", Percent = 40 }, new CostShare { Nation = "NLD", Percent = 40 }, new CostShare { Nation = "ARE", Percent = 10 }, new CostShare { Nation = "JOR", Percent = 10 }],
        });

        Assert.Contains("the United Kingdom, the Netherlands, the United Arab Emirates, Jordan", text);  // "between"
        Assert.Contains("The United Kingdom will provide the exercise facilities", text);               // Article 3 starts with the host
        Assert.Contains("The Netherlands will direct the planning process", text);                      // Article 4: the lead
        Assert.Contains("For the United Kingdom", text);                                                // signature blocks
        Assert.Contains("For the United Arab Emirates", text);
        Assert.Contains("For Jordan", text);
        Assert.DoesNotContain("For United", text);
    }
}
