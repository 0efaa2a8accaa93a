using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ExercisePlanner.Core.Common;

/// <summary>JSON settings shared by proposal files, stored snapshots and machine-readable output.</summary>
public static partial class JsonFormat
{
    /// <summary>Strict reading: unknown properties, missing required ones, nulls and numbers-for-enums are errors.</summary>
    public static JsonSerializerOptions Strict { get; } = Freeze(ConfigureStrict(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    /// <summary>Applies the strict reading rules to a host's options (the web API's request bodies).</summary>
    public static JsonSerializerOptions ConfigureStrict(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RejectNullItems);
        return options;
    }

    /// <summary>
    /// Nullable annotations do not reach list items, so <c>"participants": [null]</c> would slip through;
    /// every list of a read object is checked for null items.
    /// </summary>
    private static void RejectNullItems(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var lists = type.Properties
            .Where(p => p.Get is not null && p.Set is not null && p.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType))
            .ToList();
        if (lists.Count == 0) return;
        type.OnDeserialized = value =>
        {
            foreach (var list in lists)
                if (list.Get!(value) is System.Collections.IEnumerable items && items.Cast<object?>().Any(item => item is null))
                    throw new JsonException($"'{list.Name}' has an empty (null) item");
        };
    }

    /// <summary>Writing for people and scripts: camelCase, enums as strings, indented.</summary>
    public static JsonSerializerOptions Output { get; } = Freeze(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "Türkiye", not "T\u00FCrkiye"
        Converters = { new JsonStringEnumConverter() },
    });

    /// <summary>Reads a document, turning the serializer's errors into a problem at the JSON path where it happened.</summary>
    public static T Read<T>(string json, string subject)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Strict)
                ?? throw new Domain.InvalidInputException([new Domain.Problem("$", "document is null")]);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null or "$" ? "" : ex.Path.TrimStart('$').TrimStart('.');
            if (ex.LineNumber is { } line) where += (where.Length == 0 ? "" : " ") + $"(line {line + 1})";
            throw new Domain.InvalidInputException([new Domain.Problem(where, Describe(ex))], subject);
        }
    }

    /// <summary>The serializer's message in words for people: where the JSON went wrong and what was expected.</summary>
    public static string Describe(JsonException ex)
    {
        // The serializer appends "Path: … | LineNumber: …" and names .NET types; keep the human part only.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        var conversion = ConversionFailure().Match(message);
        if (conversion.Success) return "expected " + Expected(conversion.Groups[1].Value.TrimEnd('.'));
        return TypeName().Replace(message, m => m.Groups[1].Value).TrimEnd('.');
    }

    private static string Expected(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Decimal" or "System.Double" => "a number",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        "System.DateOnly" => "a date as YYYY-MM-DD",
        _ when typeName.StartsWith("System.Collections", StringComparison.Ordinal) => "an array",
        _ when Type.GetType(typeName + ", ExercisePlanner.Core") is { IsEnum: true } enumType =>
            "one of " + string.Join(", ", EnumNames(enumType)),
        _ => "a " + typeName[(typeName.LastIndexOf('.') + 1)..] + " object",
    };

    private static IEnumerable<string> EnumNames(Type enumType) => enumType.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => f.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .OfType<JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name ?? f.Name);

    // "ExercisePlanner.Web.Api.ApiEndpoints+DecisionRequest" reads as "DecisionRequest".
    [System.Text.RegularExpressions.GeneratedRegex(@"'?\bExercisePlanner\.[\w.]*[.+](\w+)'?")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to ([\w.`\[\]]+)")]
    private static partial System.Text.RegularExpressions.Regex ConversionFailure();

    private static JsonSerializerOptions Freeze(JsonSerializerOptions options)
    {
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
