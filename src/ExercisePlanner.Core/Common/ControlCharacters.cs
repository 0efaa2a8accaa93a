using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// Finds control characters (other than tab and line breaks) anywhere in a request's text. They are
/// never part of an exercise's wording, they garble terminals and documents, and PostgreSQL cannot
/// store NUL at all: such input is refused with the path of the offending value, whatever host it came from.
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
        string text => text.AsSpan().IndexOfAny(Controls) is var at and >= 0
            ? new Problem(path, $"contains the control character U+{(int)text[at]:X4}")
            : null,
        IEnumerable items => Items(items, path),
        _ when value.GetType().Namespace?.StartsWith("ExercisePlanner", StringComparison.Ordinal) == true && !value.GetType().IsEnum => Members(value, path),
        _ => null,
    };

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

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());
}
