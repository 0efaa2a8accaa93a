using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents.Layout;
using ExercisePlanner.Documents.Texts;

namespace ExercisePlanner.Documents.Composers;

/// <summary>
/// The memorandum of understanding between the participating nations: preamble, articles and a
/// signature block per signatory nation. With a second language every part appears in English and
/// in that language; Arabic is set right to left.
/// </summary>
internal static class Memorandum
{
    public const string Title = "Memorandum of Understanding";

    public static PdfComposer Compose(DocumentModel model)
    {
        Chrome.RequireBasics("memorandum of understanding", model);
        Chrome.Require("memorandum of understanding", ("costShares", model.Content.CostShares.Count > 0), ("signatories", model.Signatories.Count > 0));
        var languages = model.SecondLanguage is { } second ? new[] { "en", second } : ["en"];
        var document = Chrome.Compose(model, Title);

        foreach (var language in languages)
        {
            var texts = MemorandumTexts.Languages[language];
            document.Add(
                Text(language, texts.Title, TextStyle.Title, TextAlign.Center),
                Text(language, texts.Between, TextStyle.Subheading, TextAlign.Center),
                Text(language, string.Join(Locales.ListSeparator(language), model.Content.Participants.Where(p => !p.IsObserver).Select(p => Locales.NationInSentence(p.Nation, language))), TextStyle.Subheading, TextAlign.Center));
        }
        document.Add(new Spacer(10));
        foreach (var language in languages)
            document.Add(Text(language, MemorandumTexts.Fill(MemorandumTexts.Languages[language].Preamble, Values(model, language)), TextStyle.Body, TextAlign.Start));

        var articles = MemorandumTexts.Languages["en"].Articles.Count;
        for (var i = 0; i < articles; i++)
        {
            foreach (var language in languages)
            {
                var article = MemorandumTexts.Languages[language].Articles[i];
                var heading = language == "ar" ? $"المادة {i + 1} — {article.Title}" : $"Article {i + 1} — {article.Title}";
                document.Add(
                    Text(language, heading, TextStyle.Subheading, TextAlign.Start, keepWithNext: true),
                    Text(language, MemorandumTexts.Fill(article.Body, Values(model, language)), TextStyle.Body, TextAlign.Start));
            }
        }

        document.Add(new Spacer(12), Chrome.Heading("Signatures"));
        foreach (var signatory in model.Signatories)
            document.Add(new KeepTogether(new Boxed(SignatureBlock(signatory, languages)), new Spacer(10)));
        return document;
    }

    private static Block SignatureBlock(Signatory signatory, string[] languages)
    {
        var lines = new List<Block>();
        foreach (var language in languages)
        {
            var texts = MemorandumTexts.Languages[language];
            lines.Add(Text(language, $"{texts.ForGovernment} {Locales.NationInSentence(signatory.Nation, language)}", TextStyle.Strong, TextAlign.Start));
        }
        lines.Add(new Paragraph(signatory.Name.Length > 0 ? signatory.Name : "Name: ______________________________"));
        lines.Add(new Paragraph(signatory.Title.Length > 0 ? signatory.Title : "Title: ______________________________") { SpaceAfter = 14 });
        foreach (var language in languages)
        {
            var texts = MemorandumTexts.Languages[language];
            lines.Add(Text(language, $"{texts.Signature}: ____________________    {texts.Date}: ______________", TextStyle.Body, TextAlign.Start));
        }
        return new KeepTogether([.. lines]);
    }

    private static Paragraph Text(string language, string text, TextStyle style, TextAlign align, bool keepWithNext = false) => new(text, style)
    {
        Direction = language == "ar" ? TextDirection.RightToLeft : TextDirection.LeftToRight,
        Align = align,
        KeepWithNext = keepWithNext,
        SpaceAfter = style.Size > 12 ? 4 : 6,
    };

    /// <summary>What fills the placeholders, in the language of the text: nation names, dates and shares.</summary>
    private static Dictionary<string, string> Values(DocumentModel model, string language)
    {
        var c = model.Content;
        return new Dictionary<string, string>
        {
            ["name"] = c.Name,
            ["code"] = c.Code,
            ["host"] = Locales.NationInSentence(c.HostNation!, language),
            ["lead"] = Locales.NationInSentence(c.LeadNation!, language),
            ["Host"] = Locales.NationStartingSentence(c.HostNation!, language),
            ["Lead"] = Locales.NationStartingSentence(c.LeadNation!, language),
            ["location"] = c.Location,
            ["start"] = Locales.Date(c.StartDate, language),
            ["end"] = Locales.Date(c.EndDate, language),
            ["shares"] = string.Join(Locales.ListSeparator(language), c.CostShares.Select(s => $"{s.Nation} {Locales.Percent(s.Percent, language)}")),
            ["classification"] = c.Classification.Name(),
            ["releasable"] = c.ReleasableTo.Count == 0 ? MemorandumTexts.Languages[language].AllParticipants : string.Join(Locales.ListSeparator(language), c.ReleasableTo),
        };
    }
}
