namespace ExercisePlanner.Core.Audit;

/// <summary>The small text files kept outside the database (the key file, anchors): a comment, then <c>name=value</c> lines.</summary>
internal static class AuditFile
{
    public static Dictionary<string, string> Read(string text) => text
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(line => !line.StartsWith('#') && line.Contains('='))
        .Select(line => line.Split('=', 2))
        .GroupBy(pair => pair[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
}
