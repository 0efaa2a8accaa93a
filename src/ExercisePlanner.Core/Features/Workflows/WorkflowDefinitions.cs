using System.Collections.Concurrent;
using System.Text.Json;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// The workflow definitions: stored in the database by id and version, drafts until published, immutable once
/// published. The <c>workflows/</c> folder seeds the first versions; administrators publish later ones at run time.
/// What is published is read from the database on every use (several nodes see a new version at once), and a
/// published version, never changing, is kept in memory once read.
/// </summary>
public sealed class WorkflowDefinitions(string directory, TimeProvider clock)
{
    public const string FolderVariable = "EXERCISEPLANNER_WORKFLOWS";
    /// <summary>Who saved and published the versions read from the folder.</summary>
    public const string FolderAuthor = "workflows folder";

    private readonly Lazy<WorkflowCatalog> _folder = new(() => WorkflowCatalog.Load(directory, ProposalSubject.Facts));
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();
    private readonly ConcurrentDictionary<string, WorkflowCatalog> _catalogs = new();

    public string Directory => directory;
    /// <summary>The definitions of the folder, which seed the database.</summary>
    public WorkflowCatalog Folder => _folder.Value;
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
    /// Records (and publishes) each version of the folder not stored yet; content changed under a version that is
    /// already stored is an error, because running instances depend on what that version said.
    /// </summary>
    public async Task SyncAsync(PlannerDbContext db, CancellationToken cancellationToken = default)
    {
        // Under the writer lock: nodes starting together must not both insert the same new version.
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var stored = await db.WorkflowDefinitions.AsNoTracking().ToListAsync(cancellationToken);
        var problems = new List<DefinitionProblem>();
        foreach (var loaded in Folder.Definitions)
        {
            var definition = loaded.Definition;
            var existing = stored.FirstOrDefault(s => s.Id == definition.Id && s.Version == definition.Version);
            if (existing is null)
                db.WorkflowDefinitions.Add(new StoredDefinition
                {
                    Id = definition.Id, Version = definition.Version, Name = definition.Name,
                    ContentHash = loaded.ContentHash, Json = loaded.Json, FirstLoadedAt = clock.GetUtcNow(),
                    SavedBy = FolderAuthor, PublishedAt = clock.GetUtcNow(), PublishedBy = FolderAuthor,
                });
            else if (existing.ContentHash != loaded.ContentHash)
                problems.Add(new DefinitionProblem(loaded.File, "$.version",
                    $"version {definition.Version} of '{definition.Id}' is already in use with other content; give the change a new version"));
        }
        if (problems.Count > 0) throw new InvalidDefinitionException(problems);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The newest published version of every workflow, as the database has it now.</summary>
    public async Task<WorkflowCatalog> PublishedAsync(PlannerDbContext db, CancellationToken cancellationToken)
    {
        var newest = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.PublishedAt != null)
            .GroupBy(d => d.Id).Select(g => new { Id = g.Key, Version = g.Max(d => d.Version) }).ToListAsync(cancellationToken);
        var versions = newest.OrderBy(v => v.Id, StringComparer.Ordinal).Select(v => (v.Id, v.Version)).ToList();
        var key = string.Join(";", versions.Select(v => $"{v.Id} v{v.Version}"));
        if (_catalogs.TryGetValue(key, out var cached)) return cached;
        var definitions = new List<WorkflowDefinition>();
        foreach (var (id, version) in versions)
            definitions.Add(await PinnedAsync(db, id, version, cancellationToken));
        // Built once per set of versions in force: a submission asks for it under the writer lock.
        return _catalogs[key] = WorkflowCatalog.Of(definitions);
    }

    /// <summary>The definition exactly as stored under a version: the one an instance started with, or a draft.</summary>
    public async Task<WorkflowDefinition> PinnedAsync(PlannerDbContext db, string id, int version, CancellationToken cancellationToken)
    {
        if (_published.TryGetValue((id, version), out var cached)) return cached;
        var stored = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.Version == version, cancellationToken)
            ?? throw new NotFoundException($"no version {version} of workflow '{id}'");
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(stored.Json, DefinitionReader.Options)!;
        // A draft may still change; only published versions are kept.
        if (stored.IsPublished) _published[(id, version)] = definition;
        return definition;
    }
}
