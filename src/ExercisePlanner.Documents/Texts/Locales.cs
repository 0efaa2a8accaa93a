using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Documents.Texts;

/// <summary>
/// Names, dates and numbers in the language of the text they appear in, from CLDR through ICU (the
/// machine's libicu, by icu.net). Arabic keeps Latin digits (CLDR's <c>latn</c> numbering): the
/// memorandum sets each article in English and Arabic side by side, and its dates, shares and codes are
/// then the same figures in both, found by the same search and checked at a glance by the signatories.
/// </summary>
public static class Locales
{
    private static readonly Dictionary<string, string> IcuLocale = new()
    {
        ["en"] = "en_GB", ["fr"] = "fr", ["ar"] = "ar@numbers=latn",
    };

    static Locales() => Icu.Wrapper.Init();

    /// <summary>CLDR's name of the nation in the language ("الأردن", "Jordanie"); the English short name where CLDR has none.</summary>
    public static string NationName(string code, string language)
    {
        if (language == "en") return Nation.NameOf(code);
        var name = new Icu.Locale("", code).GetDisplayCountry(new Icu.Locale(IcuLocale[language]));
        return string.IsNullOrEmpty(name) || name == code ? Nation.NameOf(code) : name;
    }

    /// <summary>
    /// The nation as the text names it in a sentence: English puts "the" before names that are plural or name a kind of
    /// state ("the United Kingdom", "the Netherlands", "the Russian Federation", "the Marshall Islands"); French puts an
    /// article before most country names ("la Jordanie", "le Pakistan", "l'Indonésie", "les Émirats arabes unis") and none
    /// before some islands and city states ("Singapour", "Malte"). CLDR gives names, not articles, so the English rule and
    /// the French gender and number come from the tables below; Arabic names are used as they are (CLDR's carry their article).
    /// </summary>
    public static string NationInSentence(string code, string language)
    {
        var name = NationName(code, language);
        if (language == "en") return TakesThe(code, name) ? "the " + name : name;
        if (language != "fr" || WithoutArticle.Contains(code)) return name;
        if (Plural.Contains(code) || name.StartsWith("Îles", StringComparison.Ordinal)) return "les " + name;
        if ("AEIOUYÉÈÊÎÏÔÂ".Contains(name[0], StringComparison.Ordinal)) return "l'" + name;
        return (name.EndsWith('e') && !Masculine.Contains(code) ? "la " : "le ") + name;
    }

    /// <summary>The same at the start of a sentence: "La Jordanie fournit…".</summary>
    public static string NationStartingSentence(string code, string language) =>
        NationInSentence(code, language) is var text && text.Length > 0 ? char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..] : text;

    /// <summary>
    /// English: "the" before a name that is a common noun (Kingdom, Republic, Federation, Emirates, States, Islands…) or a
    /// plural (the Netherlands, the Philippines). Not before an inverted ISO name ("Korea, Republic of").
    /// </summary>
    private static bool TakesThe(string code, string name) =>
        EnglishWithThe.Contains(code)
        || (!name.Contains(',', StringComparison.Ordinal) && !EnglishWithoutThe.Contains(code)
            && name.Split(' ').Any(EnglishStateWords.Contains));

    private static readonly HashSet<string> EnglishStateWords = ["United", "Kingdom", "Republic", "Federation", "Emirates", "States", "Islands", "Union"];

    // English: plural names and the Holy See.
    private static readonly HashSet<string> EnglishWithThe = ["NLD", "PHL", "BHS", "GMB", "MDV", "COM", "VAT"];

    // English: named after one island, not a group ("South Georgia and the South Sandwich Islands").
    private static readonly HashSet<string> EnglishWithoutThe = ["SGS", "HMD"];

    // French: no article before these islands, city states and territories (Cuba, Israël, Malte, Singapour, Oman…).
    private static readonly HashSet<string> WithoutArticle =
    [
        "ISR", "SGP", "MLT", "CYP", "CUB", "MDG", "MCO", "BHR", "OMN", "DJI", "HTI", "MUS", "LCA", "TWN", "BRN", "NRU", "TUV",
        "KIR", "STP", "SMR", "TTO", "ATG", "KNA", "VCT", "HKG", "MAC", "PRI", "ABW", "CUW", "JEY", "GGY", "GIB", "MSR", "AIA",
        "GUM", "MYT", "BLM", "MAF", "SXM", "SPM", "SHN", "TKL", "NIU", "WLF", "REU", "IMN",
    ];

    // French: plural names ("les États-Unis", "les Philippines").
    private static readonly HashSet<string> Plural = ["ARE", "USA", "NLD", "PHL", "BHS", "FJI", "MDV", "SYC", "COM", "BMU", "PLW", "WSM", "TON"];

    // French: masculine names that end in -e ("le Mexique", "le Cambodge").
    private static readonly HashSet<string> Masculine = ["MEX", "KHM", "MOZ", "ZWE", "BLZ", "SUR"];

    /// <summary>Day, month name and year: "6 September 2027", "6 septembre 2027", "6 سبتمبر 2027".</summary>
    /// <remarks>ICU formats an instant in the machine's time zone: noon UTC is the same day in all of them.</remarks>
    public static string Date(DateOnly date, string language) =>
        Icu.MessageFormatter.Format("{0,date,::dMMMMy}", IcuLocale[language],
            (date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds, "", "");

    /// <summary>Between names in a list: Arabic has its own comma.</summary>
    public static string ListSeparator(string language) => language == "ar" ? "، " : ", ";

    /// <summary>A share as the language writes percentages: "35%", "35 %" (French: a space before the sign).</summary>
    public static string Percent(decimal percent, string language) =>
        Icu.MessageFormatter.Format("{0,number,percent}", IcuLocale[language], (double)percent / 100, "", "");
}
