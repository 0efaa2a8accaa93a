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
