using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// Finds control characters (other than tab and line breaks) anywhere in a request's text. They are
/// never part of an exercise's wording, they garble terminals and documents, and PostgreSQL cannot
/// store NUL at all: such input is refused with the path of the offending value, whatever host it came from.
/// The same goes for invisible format characters (Unicode category Cf): bidi overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) make a code or name read differently from what it is, zero-width
/// spaces make look-alikes. Kept: the marks Arabic text needs (LRM, RLM, ALM) and the joiners (ZWNJ, ZWJ).
/// </summary>
public static class ControlCharacters
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void Refuse(object message)
    {
        if (Find(message, "") is { } problem) throw new InvalidInputException([problem]);
    }

    private static Problem? Find(object? value, string path) => value switch
    {
        null => null,
        string text => Refused(text) is { } problem ? new Problem(path, problem) : null,
        IEnumerable items => Items(items, path),
        _ when value.GetType().Namespace?.StartsWith("ExercisePlanner", StringComparison.Ordinal) == true && !value.GetType().IsEnum => Members(value, path),
        _ => null,
    };

    private static string? Refused(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAny(Controls) is var at and >= 0) return $"contains the control character U+{(int)text[at]:X4}";
        if (span.IndexOfAny(Formats) is var format and >= 0) return Invisible(text[format]);
        // Format characters beyond the first plane (tags U+E0001–U+E007F and others) come as surrogate pairs.
        if (span.IndexOfAnyInRange('\uD800', '\uDBFF') >= 0)
            foreach (var rune in text.EnumerateRunes())
                if (rune.Value > char.MaxValue && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) return Invisible(rune.Value);
        return null;
    }

    private static string Invisible(int character) => $"contains the invisible formatting character U+{character:X4}";

    private static Problem? Items(IEnumerable items, string path)
    {
        var index = 0;
        foreach (var item in items)
            if (Find(item, $"{path}[{index++}]") is { } problem) return problem;
        return null;
    }

    private static Problem? Members(object value, string path)
    {
        foreach (var property in Properties.GetOrAdd(value.GetType(), Readable))
        {
            // A proposal is a document of its own: its paths start at its root, as in the contract file and the validators.
            var name = property.PropertyType == typeof(ProposalContent) ? "" : char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (Find(property.GetValue(value), path.Length == 0 || name.Length == 0 ? path + name : $"{path}.{name}") is { } problem) return problem;
        }
        return null;
    }

    private static PropertyInfo[] Readable(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
        .ToArray();

    private static readonly char[] Kept = ['\u200C', '\u200D', '\u200E', '\u200F', '\u061C'];

    private static readonly SearchValues<char> Formats = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format && !Kept.Contains(c)).ToArray());

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
}
