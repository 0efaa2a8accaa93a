using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>An approval workflow as written in <c>workflows/*.json</c>: ordered stages of parallel steps.</summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    /// <summary>Which subjects this workflow is for; null makes it the default.</summary>
    public Condition? AppliesTo { get; init; }
    /// <summary>
    /// Approval of a subject's first submission (the default), or of a change to an approved subject (an amendment).
    /// Nullable, like every key added later, so that definitions stored before it keep their content hash.
    /// </summary>
    public WorkflowPurpose? Purpose { get; init; }
    /// <summary>The workflow (of purpose amendment) that approves changes to what this one approved; null lets the host choose.</summary>
    public string? Amendment { get; init; }
    public required IReadOnlyList<StageDefinition> Stages { get; init; }
    /// <summary>
    /// What a request for changes does: <c>"collect"</c> lets the stage's other steps be decided and returns the
    /// subject once they all are, with every request; <c>"return-at-once"</c> returns it at once, cancelling the others.
    /// </summary>
    public string OnRequestChanges { get; init; } = ReturnAtOnce;
    /// <summary>Whether requests for changes are collected until the stage is decided (<see cref="OnRequestChanges"/>).</summary>
    [JsonIgnore] public bool CollectsRequests => OnRequestChanges == Collect;

    public const string Collect = "collect", ReturnAtOnce = "return-at-once";
    /// <summary>Actions the host runs, in order, when the last stage completes.</summary>
    public IReadOnlyList<string> OnApproved { get; init; } = [];

    [JsonIgnore] public bool IsAmendment => Purpose == WorkflowPurpose.Amendment;
}

public sealed record StageDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The stage runs only when this holds for the subject; otherwise it is skipped.</summary>
    public Condition? When { get; init; }
    /// <summary>The stage is skipped when this holds for the subject.</summary>
    public Condition? Unless { get; init; }
    public required IReadOnlyList<StepDefinition> Steps { get; init; }
    public required CompletionRule Completion { get; init; }
    /// <summary>ISO 8601 duration from the stage opening to its deadline.</summary>
    public required string Due { get; init; }
    public string? RemindAfter { get; init; }
    /// <summary>The role (of the same nation) that may also decide an overdue step.</summary>
    public string? EscalateTo { get; init; }

    [JsonIgnore] public TimeSpan DueIn => Durations.Parse(Due);
    /// <summary>When the stage runs, in words for plans and diagrams; null when it always runs.</summary>
    [JsonIgnore] public string? RunsWhen => (When, Unless) switch
    {
        (null, null) => null,
        ({ } when, null) => when.ToString(),
        (null, { } unless) => $"not {unless}",
        ({ } when, { } unless) => $"{when} and not {unless}",
    };
    [JsonIgnore] public TimeSpan? RemindIn => RemindAfter is null ? null : Durations.Parse(RemindAfter);
}

public enum Assignees
{
    /// <summary>Every participant nation that is not an observer.</summary>
    [JsonStringEnumMemberName("each")] Each,
    [JsonStringEnumMemberName("host")] Host,
    [JsonStringEnumMemberName("lead")] Lead,
    /// <summary>The nations listed in the step.</summary>
    [JsonStringEnumMemberName("nations")] Nations,
    /// <summary>The nations the subject names as affected (by an amendment: added, removed, or with changed forces or cost shares).</summary>
    [JsonStringEnumMemberName("affected")] Affected,
}

public enum WorkflowPurpose
{
    [JsonStringEnumMemberName("approval")] Approval,
    [JsonStringEnumMemberName("amendment")] Amendment,
}

public sealed record StepDefinition
{
    public required Assignees Assignees { get; init; }
    public IReadOnlyList<string>? Nations { get; init; }
    public required string Role { get; init; }
}

/// <summary>A test on one fact of the subject, e.g. classification above UNCLASSIFIED.</summary>
public sealed record Condition
{
    public required string Fact { get; init; }
    [JsonPropertyName("equals")] public string? Is { get; init; }
    public IReadOnlyList<string>? In { get; init; }
    public string? Above { get; init; }
    public string? AtLeast { get; init; }
    /// <summary>For a fact with several values: every value is one of these.</summary>
    public IReadOnlyList<string>? Only { get; init; }

    public override string ToString() =>
        Is is not null ? $"{Fact} = {Is}"
        : In is not null ? $"{Fact} in {string.Join("/", In)}"
        : Only is not null ? $"{Fact} within {string.Join("/", Only)}"
        : Above is not null ? $"{Fact} > {Above}"
        : $"{Fact} >= {AtLeast}";
}

public enum CompletionKind { All, Any, Quorum }

/// <summary><c>"all"</c>, <c>"any"</c> or <c>{ "quorum": n }</c>: how many approvals complete a stage.</summary>
[JsonConverter(typeof(CompletionRuleConverter))]
public sealed record CompletionRule(CompletionKind Kind, int Quorum = 0)
{
    public static readonly CompletionRule All = new(CompletionKind.All);
    public static readonly CompletionRule Any = new(CompletionKind.Any);

    /// <summary>Approvals needed out of <paramref name="steps"/> parallel steps.</summary>
    public int Needed(int steps) => Kind switch
    {
        CompletionKind.All => steps,
        CompletionKind.Any => Math.Min(1, steps),
        _ => Quorum,
    };

    public override string ToString() => Kind == CompletionKind.Quorum ? $"quorum {Quorum}" : Kind.ToString().ToLowerInvariant();
}

internal sealed class CompletionRuleConverter : JsonConverter<CompletionRule>
{
    public override CompletionRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString() switch
            {
                "all" => CompletionRule.All,
                "any" => CompletionRule.Any,
                var other => throw new JsonException($"completion must be \"all\", \"any\" or {{ \"quorum\": n }}, not \"{other}\""),
            };
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("quorum", out var quorum) && quorum.TryGetInt32(out var n))
            return new CompletionRule(CompletionKind.Quorum, n);
        throw new JsonException("completion must be \"all\", \"any\" or { \"quorum\": n }");
    }

    public override void Write(Utf8JsonWriter writer, CompletionRule value, JsonSerializerOptions options)
    {
        if (value.Kind == CompletionKind.Quorum)
        {
            writer.WriteStartObject();
            writer.WriteNumber("quorum", value.Quorum);
            writer.WriteEndObject();
        }
        else writer.WriteStringValue(value.ToString());
    }
}
