using System.Text.Json.Nodes;

namespace ExercisePlanner.Tests.Resilience;

/// <summary>Generates malformed variants of a valid JSON document: every value replaced, removed or joined by junk.</summary>
public static class BadInput
{
    public static readonly string Huge = new('x', 200_000);

    /// <summary>Values that must be refused or stored as plain text, never interpreted.</summary>
    public static readonly JsonNode?[] Replacements =
    [
        null, 12345, -1, 1e308, 2147483648L, true, "", " ", "text", Huge, "<script>alert('x')</script>",
        "../../../../etc/passwd", "C:\\Windows\\win.ini", "\u0000\u0007\u001b[31mcontrol", "2027-02-30", "0001-01-01",
        "9999-12-31", "'; DROP TABLE Proposals; --", "{{7*7}}", "\u202Eevil", new JsonArray(), new JsonObject(),
    ];

    public static IEnumerable<(string Name, string Json)> Variants(string validJson)
    {
        var root = JsonNode.Parse(validJson)!;
        foreach (var path in Paths(root))
        {
            yield return ($"remove {path}", Mutate(validJson, path, remove: true, null));
            for (var i = 0; i < Replacements.Length; i++)
                yield return ($"{path} = #{i}", Mutate(validJson, path, remove: false, Replacements[i]?.DeepClone()));
        }
        foreach (var objectPath in Paths(root).Where(p => Find(root, p) is JsonObject).Prepend("$"))
            yield return ($"extra property in {objectPath}", Extra(validJson, objectPath));
        for (var cut = 1; cut < validJson.Length; cut += Math.Max(1, validJson.Length / 40))
            yield return ($"truncated at {cut}", validJson[..cut]);
        yield return ("trailing comma", validJson.TrimEnd().TrimEnd('}') + ",}");
        yield return ("not an object", "[1, 2, 3]");
        yield return ("empty", "");
        yield return ("nested too deep", new string('[', 5000) + new string(']', 5000));
    }

    private static IEnumerable<string> Paths(JsonNode node, string at = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    yield return $"{at}.{key}";
                    if (value is not null) foreach (var inner in Paths(value, $"{at}.{key}")) yield return inner;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return $"{at}[{i}]";
                    if (array[i] is { } item) foreach (var inner in Paths(item, $"{at}[{i}]")) yield return inner;
                }
                break;
        }
    }

    private static JsonNode? Find(JsonNode root, string path)
    {
        var node = root;
        foreach (var step in Steps(path)) node = step is int i ? node?[i] : node?[(string)step];
        return node;
    }

    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path[1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[');
            yield return bracket < 0 ? part : part[..bracket];
            if (bracket >= 0)
                foreach (var index in part[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries)) yield return int.Parse(index);
        }
    }

    private static string Mutate(string json, string path, bool remove, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        var steps = Steps(path).ToList();
        var parent = root;
        foreach (var step in steps.SkipLast(1)) parent = step is int i ? parent![i] : parent![(string)step];
        switch (steps[^1], parent)
        {
            case (int i, JsonArray array): if (remove) array.RemoveAt(i); else array[i] = value; break;
            case (string key, JsonObject obj): if (remove) obj.Remove(key); else obj[key] = value; break;
        }
        return root.ToJsonString();
    }

    private static string Extra(string json, string objectPath)
    {
        var root = JsonNode.Parse(json)!;
        var target = objectPath == "$" ? root : Find(root, objectPath)!;
        target.AsObject()["unexpectedField"] = "surprise";
        return root.ToJsonString();
    }
}
