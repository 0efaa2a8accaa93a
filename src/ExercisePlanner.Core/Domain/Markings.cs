namespace ExercisePlanner.Core.Domain;

/// <summary>Classification markings as printed on pages, documents and the command line.</summary>
public static class Markings
{
    /// <summary>The marking word, e.g. <c>RESTRICTED</c> (the same as in proposal files).</summary>
    public static string Name(this Classification classification) => classification switch
    {
        Classification.Unclassified => "UNCLASSIFIED",
        Classification.Restricted => "RESTRICTED",
        Classification.Confidential => "CONFIDENTIAL",
        _ => "SECRET",
    };

    /// <summary>
    /// <c>RESTRICTED — REL TO JOR, TUR, PAK</c>; past <paramref name="listAtMost"/> nations the banner
    /// says how many, and the full list stands where there is room for it.
    /// </summary>
    public static string Banner(Classification classification, IReadOnlyList<string> releasableTo, int listAtMost = int.MaxValue) =>
        releasableTo.Count switch
        {
            0 => classification.Name(),
            var count when count <= listAtMost => $"{classification.Name()} — REL TO {string.Join(", ", releasableTo)}",
            var count => $"{classification.Name()} — REL TO {count} NATIONS LISTED IN THE PLAN",
        };
}
