namespace ExercisePlanner.Core.Domain;

/// <summary>A nation by its ISO 3166-1 alpha-3 code, with its short English name.</summary>
public sealed record Nation(string Code, string Name)
{
    private static readonly Dictionary<string, Nation> ByCode = IsoCountries.Table
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('|'))
        .ToDictionary(parts => parts[0], parts => new Nation(parts[0], parts[1]), StringComparer.Ordinal);

    /// <summary>Every ISO 3166-1 country, ordered by code: the reference data seeded into the database.</summary>
    public static IReadOnlyCollection<Nation> All { get; } = ByCode.Values.OrderBy(n => n.Code, StringComparer.Ordinal).ToList();

    public static bool Exists(string code) => ByCode.ContainsKey(code);

    public static string NameOf(string code) => ByCode.TryGetValue(code, out var nation) ? nation.Name : code;
}
