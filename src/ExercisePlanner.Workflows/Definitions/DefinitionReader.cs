using System.Text.Json;
using System.Text.Json.Serialization;
using Json.Schema;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>
/// Reads one definition: JSON syntax, then the JSON Schema in <c>workflows/schema/</c>, then the rules a
/// schema cannot express (unique stage ids, known facts and values, sensible durations).
/// </summary>
public sealed class DefinitionReader(FactCatalog facts)
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(DefinitionReader).Assembly.GetManifestResourceStream("workflow-definition.schema.json")!;
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Read(string file, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return (null, [new DefinitionProblem(file, $"$ (line {ex.LineNumber + 1})", ex.Message.Split(" LineNumber")[0].TrimEnd(' ', '|', '.'))]);
        }
        using (document)
        {
            var schemaProblems = CheckSchema(file, document.RootElement);
            if (schemaProblems.Count > 0) return (null, schemaProblems);
            var definition = document.RootElement.Deserialize<WorkflowDefinition>(Options)!;
            var problems = CheckRules(file, definition);
            return (problems.Count == 0 ? definition : null, problems);
        }
    }

    private static List<DefinitionProblem> CheckSchema(string file, JsonElement root)
    {
        var result = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var details = result.Details ?? [];
        // A branch of a oneOf or an if that failed while its parent (at the same place of the document) passed is no problem.
        var passed = details.Where(d => d.IsValid).Select(d => (Schema: d.EvaluationPath.ToString(), At: d.InstanceLocation.ToString())).ToList();
        bool Within(string path, string parent) => path.StartsWith(parent + "/", StringComparison.Ordinal);
        bool InPassedBranch(EvaluationResults d) => passed.Any(p =>
            Within(d.EvaluationPath.ToString(), p.Schema) && (d.InstanceLocation.ToString() == p.At || Within(d.InstanceLocation.ToString(), p.At)));
        return details
            .Where(d => d.Errors is { Count: > 0 } && !InPassedBranch(d))
            .SelectMany(d => d.Errors!.Select(e =>
            {
                var path = ToJsonPath(d.InstanceLocation.ToString());
                return new DefinitionProblem(file, path, Describe(path, e.Key, e.Value));
            }))
            .Distinct()
            .ToList();
    }

    // A property that additionalProperties: false forbids is reported against the false schema; patterns are said in words.
    private static string Describe(string path, string keyword, string message) =>
        keyword is "additionalProperties" or "false" || message.Contains("false schema", StringComparison.Ordinal) ? "property is not allowed here"
        : keyword != "pattern" ? message
        : path.EndsWith(".due", StringComparison.Ordinal) || path.EndsWith(".remindAfter", StringComparison.Ordinal)
            ? "is not a positive ISO 8601 duration (for example P14D, or PT12H)"
        : path.EndsWith("nations", StringComparison.Ordinal) || path.Contains("nations[", StringComparison.Ordinal) ? "is not an ISO 3166-1 alpha-3 nation code (like JOR)"
        : "must be lower-case words joined by hyphens (like national-review)";

    private List<DefinitionProblem> CheckRules(string file, WorkflowDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        void Problem(string path, string message) => problems.Add(new DefinitionProblem(file, path, message));

        if (definition.AppliesTo is { } appliesTo) CheckCondition("$.appliesTo", appliesTo, Problem);
        var seen = new HashSet<string>();
        for (var i = 0; i < definition.Stages.Count; i++)
        {
            var stage = definition.Stages[i];
            var at = $"$.stages[{i}]";
            if (!seen.Add(stage.Id)) Problem($"{at}.id", $"stage id '{stage.Id}' is used twice");
            if (stage.When is { } when) CheckCondition($"{at}.when", when, Problem);
            if (stage.Unless is { } unless) CheckCondition($"{at}.unless", unless, Problem);
            if (!Durations.TryParse(stage.Due, out var due)) Problem($"{at}.due", $"'{stage.Due}' is not a positive ISO 8601 duration");
            if (stage.RemindAfter is { } remind)
            {
                if (!Durations.TryParse(remind, out var remindIn)) Problem($"{at}.remindAfter", $"'{remind}' is not a positive ISO 8601 duration");
                else if (due > TimeSpan.Zero && remindIn >= due) Problem($"{at}.remindAfter", $"the reminder ({remind}) must come before the deadline ({stage.Due})");
            }
            if (stage.EscalateTo is { } escalateTo && stage.Steps.Any(s => s.Role == escalateTo))
                Problem($"{at}.escalateTo", $"'{escalateTo}' already decides this stage; escalate to another role");
            if (stage.Completion.Kind == CompletionKind.Quorum && stage.Steps.All(s => s.Assignees is Assignees.Host or Assignees.Lead)
                && stage.Completion.Quorum > stage.Steps.Count)
                Problem($"{at}.completion.quorum", $"a quorum of {stage.Completion.Quorum} can never be reached by {stage.Steps.Count} step(s)");
        }
        return problems;
    }

    private void CheckCondition(string at, Condition condition, Action<string, string> problem)
    {
        if (facts.Find(condition.Fact) is not { } fact)
        {
            problem($"{at}.fact", $"unknown fact '{condition.Fact}'; known: {string.Join(", ", facts.All.Select(f => f.Name))}");
            return;
        }
        var values = new[] { condition.Is, condition.Above, condition.AtLeast }.OfType<string>().Concat(condition.In ?? []).Concat(condition.Only ?? []);
        foreach (var value in values.Where(v => !fact.Values.Contains(v)))
            problem(at, $"'{value}' is not a value of {fact.Name}; known: {string.Join(", ", fact.Values)}");
        if ((condition.Above ?? condition.AtLeast) is not null && !fact.Ordered)
            problem(at, $"{fact.Name} has no order; use equals or in");
        if (condition.Only is not null && !fact.Many)
            problem(at, $"{fact.Name} has one value; use equals or in");
    }

    /// <summary><c>/stages/1/due</c> becomes <c>$.stages[1].due</c>.</summary>
    private static string ToJsonPath(string pointer) =>
        "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => int.TryParse(segment, out var index) ? $"[{index}]" : "." + segment.Replace("~1", "/").Replace("~0", "~")));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
