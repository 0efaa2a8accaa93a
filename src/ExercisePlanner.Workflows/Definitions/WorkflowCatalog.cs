using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>A definition as loaded from its file, with the hash of its canonical content.</summary>
public sealed record LoadedDefinition(string File, WorkflowDefinition Definition, string Json, string ContentHash);

/// <summary>The definitions in a <c>workflows/</c> folder, all valid, or none at all.</summary>
public sealed class WorkflowCatalog
{
    private WorkflowCatalog(IReadOnlyList<LoadedDefinition> definitions) => Definitions = definitions;

    public IReadOnlyList<LoadedDefinition> Definitions { get; }

    /// <summary>Loads every <c>*.json</c> in the folder; throws with every problem if any file is invalid.</summary>
    public static WorkflowCatalog Load(string directory, FactCatalog facts)
    {
        if (!Directory.Exists(directory))
            throw new InvalidDefinitionException([new DefinitionProblem(directory, "$", "workflow folder not found")]);
        var reader = new DefinitionReader(facts);
        var loaded = new List<LoadedDefinition>();
        var problems = new List<DefinitionProblem>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var (definition, fileProblems) = reader.Read(file, File.ReadAllText(path));
            problems.AddRange(fileProblems);
            if (definition is null) continue;
            if (loaded.FirstOrDefault(l => l.Definition.Id == definition.Id && l.Definition.Version == definition.Version) is { } twin)
                problems.Add(new DefinitionProblem(file, "$.version", $"version {definition.Version} of '{definition.Id}' is also defined in {twin.File}"));
            else
                loaded.Add(Canonical(file, definition));
        }
        problems.AddRange(CheckSet(directory, loaded));
        if (problems.Count > 0) throw new InvalidDefinitionException(problems);
        return new WorkflowCatalog(loaded);
    }

    /// <summary>A catalog of definitions read from elsewhere (the database), already checked one by one.</summary>
    public static WorkflowCatalog Of(IEnumerable<WorkflowDefinition> definitions) =>
        new(definitions.Select(d => Canonical($"{d.Id} v{d.Version}", d)).ToList());

    /// <summary>What must hold across the definitions in force together: a default, and amendment workflows that exist.</summary>
    public static IEnumerable<DefinitionProblem> CheckSet(string where, IReadOnlyList<LoadedDefinition> set)
    {
        if (set.Count > 0 && !set.Any(l => l.Definition.AppliesTo is null && !l.Definition.IsAmendment))
            yield return new DefinitionProblem(where, "$.appliesTo", "no default workflow: at least one approval definition must have no appliesTo");
        foreach (var loaded in set.Where(l => l.Definition.Amendment is not null))
        {
            var named = loaded.Definition.Amendment!;
            if (!set.Any(l => l.Definition.Id == named && l.Definition.IsAmendment))
                yield return new DefinitionProblem(loaded.File, "$.amendment", $"no workflow '{named}' with purpose \"amendment\" to approve amendments");
        }
    }

    /// <summary>The newest version of every workflow.</summary>
    public IEnumerable<WorkflowDefinition> Latest =>
        Definitions.Select(d => d.Definition).GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!);

    public WorkflowDefinition? Find(string id) => Latest.FirstOrDefault(d => d.Id == id);

    /// <summary>The workflow for a subject: a specific one whose <c>appliesTo</c> holds, else the default.</summary>
    public WorkflowDefinition Select(IWorkflowSubject subject, FactCatalog facts)
    {
        var latest = Latest.Where(d => !d.IsAmendment).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return latest.FirstOrDefault(d => d.AppliesTo is { } condition && facts.Holds(condition, subject))
            ?? latest.First(d => d.AppliesTo is null);
    }

    public static LoadedDefinition Canonical(string file, WorkflowDefinition definition)
    {
        // Hash the parsed content, so layout and comments can change without a new version.
        var json = JsonSerializer.Serialize(definition with { Schema = null }, DefinitionReader.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        return new LoadedDefinition(file, definition, json, hash);
    }
}
