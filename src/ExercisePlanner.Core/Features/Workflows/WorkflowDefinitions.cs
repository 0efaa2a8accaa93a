using System.Collections.Concurrent;
using System.Text.Json;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// The workflow definitions of the <c>workflows/</c> folder, validated once, recorded in the database by
/// version and content hash, and looked up by the exact version an instance is pinned to.
/// </summary>
public sealed class WorkflowDefinitions(string directory, TimeProvider clock)
{
    public const string FolderVariable = "EXERCISEPLANNER_WORKFLOWS";

    private readonly Lazy<WorkflowCatalog> _catalog = new(() => WorkflowCatalog.Load(directory, ProposalSubject.Facts));
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _pinned = new();

    public string Directory => directory;
    public WorkflowCatalog Catalog => _catalog.Value;
    public WorkflowEngine Engine { get; } = new(ProposalSubject.Facts);

    /// <summary>The folder: the given one, else $EXERCISEPLANNER_WORKFLOWS, else ./workflows, else the one shipped with the program.</summary>
    public static string ResolveDirectory(string? path)
    {
        if (path is not null) return Path.GetFullPath(path);
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        var local = Path.GetFullPath("workflows");
        return System.IO.Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "workflows");
    }

    /// <summary>
    /// Records each loaded version; content changed under a version that is already recorded is an error,
    /// because running instances depend on what that version said.
    /// </summary>
    public async Task SyncAsync(PlannerDbContext db, CancellationToken cancellationToken = default)
    {
        // Under the writer lock: nodes starting together must not both insert the same new version.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var stored = await db.WorkflowDefinitions.AsNoTracking().ToListAsync(cancellationToken);
        var problems = new List<DefinitionProblem>();
        foreach (var loaded in Catalog.Definitions)
        {
            var definition = loaded.Definition;
            var existing = stored.FirstOrDefault(s => s.Id == definition.Id && s.Version == definition.Version);
            if (existing is null)
                db.WorkflowDefinitions.Add(new StoredDefinition
                {
                    Id = definition.Id, Version = definition.Version, Name = definition.Name,
                    ContentHash = loaded.ContentHash, Json = loaded.Json, FirstLoadedAt = clock.GetUtcNow(),
                });
            else if (existing.ContentHash != loaded.ContentHash)
                problems.Add(new DefinitionProblem(loaded.File, "$.version",
                    $"version {definition.Version} of '{definition.Id}' is already in use with other content; give the change a new version"));
        }
        if (problems.Count > 0) throw new InvalidDefinitionException(problems);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The definition exactly as the version an instance started with.</summary>
    public async Task<WorkflowDefinition> PinnedAsync(PlannerDbContext db, string id, int version, CancellationToken cancellationToken)
    {
        if (_pinned.TryGetValue((id, version), out var cached)) return cached;
        var stored = await db.WorkflowDefinitions.AsNoTracking().SingleAsync(d => d.Id == id && d.Version == version, cancellationToken);
        return _pinned[(id, version)] = JsonSerializer.Deserialize<WorkflowDefinition>(stored.Json, DefinitionReader.Options)!;
    }
}
