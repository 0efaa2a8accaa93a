using System.Text.Json;
using ExercisePlanner.Workflows.Definitions;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>The shipped workflow definitions, to derive new versions from in tests.</summary>
public static class Definitions
{
    public static WorkflowDefinition Shipped(string id = "exercise-approval") => JsonSerializer.Deserialize<WorkflowDefinition>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", id + ".json")), DefinitionReader.Options)!;

    public static string Json(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, DefinitionReader.Options);

    /// <summary>The version the default workflow ships as (a fresh database has only this one).</summary>
    public static int ShippedVersion => Shipped().Version;

    /// <summary>The default workflow as the next version (<see cref="ShippedVersion"/> + 1) with only its final sign-off.</summary>
    public static string SignOffOnly()
    {
        var shipped = Shipped();
        return Json(shipped with { Version = shipped.Version + 1, Stages = [shipped.Stages[^1]] });
    }
}
