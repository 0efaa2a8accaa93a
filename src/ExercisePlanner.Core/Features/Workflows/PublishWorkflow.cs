using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// Stores a definition as a draft version (replacing a draft of the same version), checked like a file of the
/// folder; with <paramref name="Publish"/>, publishes it at once. Administrators only.
/// </summary>
public sealed record SaveWorkflow(string Json, string Actor, bool Publish = false, string Source = "definition") : ICommand<WorkflowVersion>, IActorRequest;

/// <summary>Publishes a draft version: from now on new submissions take it; running instances stay on theirs.</summary>
public sealed record PublishWorkflow(string Id, int Version, string Actor) : ICommand<WorkflowVersion>, IActorRequest;

/// <summary>Every stored version of every workflow, newest first, with how many approvals run on it.</summary>
public sealed record ListWorkflowVersions : IQuery<IReadOnlyList<WorkflowVersion>>;

/// <param name="SavedBy">The user name of who saved it last (<see cref="WorkflowDefinitions.FolderAuthor"/> for a version from the folder).</param>
/// <param name="State">How the version stands, in words: "Published 26 Nov 2026 by Lt Col Sarah Reed", "Draft, saved 27 Nov 2026, 14:05 UTC by …",
/// "Published 26 Nov 2026 from the workflows folder".</param>
public sealed record WorkflowVersion(string Id, int Version, string Name, bool Published, DateTimeOffset SavedAt, string SavedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, int Running, string State)
{
    /// <param name="person">A user name as people know the user (their display name).</param>
    public static WorkflowVersion From(StoredDefinition d, Func<string, string> person, int running = 0) =>
        new(d.Id, d.Version, d.Name, d.IsPublished, d.FirstLoadedAt, d.SavedBy, d.PublishedAt, d.PublishedBy, running,
            d.PublishedAt is { } at ? $"Published {Words.Date(at)} {By(d.PublishedBy!, person)}" : $"Draft, saved {Words.Time(d.FirstLoadedAt)} {By(d.SavedBy, person)}");

    private static string By(string name, Func<string, string> person) =>
        name == WorkflowDefinitions.FolderAuthor ? "from the workflows folder" : $"by {person(name)}";
}

public sealed class SaveWorkflowHandler(PlannerDbContext db, WorkflowDefinitions workflows, TimeProvider clock) : ICommandHandler<SaveWorkflow, WorkflowVersion>
{
    public async ValueTask<WorkflowVersion> Handle(SaveWorkflow command, CancellationToken cancellationToken)
    {
        var admin = await db.RequireAdminAsync(command.Actor, cancellationToken);
        var (definition, problems) = new DefinitionReader(ProposalSubject.Facts).Read(command.Source, command.Json);
        if (definition is null) throw new InvalidInputException(problems.Select(p => new Problem(p.Path, p.Message)).ToList(), command.Source);
        var loaded = WorkflowCatalog.Canonical("definition", definition);

        var versions = await db.WorkflowDefinitions.Where(d => d.Id == definition.Id).ToListAsync(cancellationToken);
        var next = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
        var newestPublished = versions.Where(v => v.IsPublished).Select(v => (int?)v.Version).Max();
        var stored = versions.SingleOrDefault(v => v.Version == definition.Version);
        if (stored is { IsPublished: true })
            throw new ConflictException($"version {definition.Version} of '{definition.Id}' is published and cannot change; save the change as version {next}");
        if (stored is null && definition.Version < newestPublished)
            throw new ConflictException($"version {definition.Version} of '{definition.Id}' would come before the published version {newestPublished}; save the change as version {next}");

        var now = clock.GetUtcNow();
        if (stored is null)
        {
            stored = new StoredDefinition { Id = definition.Id, Version = definition.Version, FirstLoadedAt = now };
            db.WorkflowDefinitions.Add(stored);
        }
        (stored.Name, stored.Json, stored.ContentHash, stored.SavedBy) = (definition.Name, loaded.Json, loaded.ContentHash, command.Actor);
        if (command.Publish) await Publication.PublishAsync(db, workflows, stored, definition, command.Actor, now, cancellationToken);
        return WorkflowVersion.From(stored, _ => PersonView.From(admin).Label);
    }
}

public sealed class PublishWorkflowHandler(PlannerDbContext db, WorkflowDefinitions workflows, TimeProvider clock) : ICommandHandler<PublishWorkflow, WorkflowVersion>
{
    public async ValueTask<WorkflowVersion> Handle(PublishWorkflow command, CancellationToken cancellationToken)
    {
        var admin = await db.RequireAdminAsync(command.Actor, cancellationToken);
        var stored = await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.Id == command.Id && d.Version == command.Version, cancellationToken)
            ?? throw new NotFoundException($"no version {command.Version} of workflow '{command.Id}'");
        if (stored.IsPublished) throw new ConflictException($"version {command.Version} of '{command.Id}' is already published");
        var definition = await workflows.PinnedAsync(db, stored.Id, stored.Version, cancellationToken);
        await Publication.PublishAsync(db, workflows, stored, definition, command.Actor, clock.GetUtcNow(), cancellationToken);
        return WorkflowVersion.From(stored, _ => PersonView.From(admin).Label); // a published version's state names its publisher
    }
}

public sealed class ListWorkflowVersionsHandler(PlannerDbContext db) : IQueryHandler<ListWorkflowVersions, IReadOnlyList<WorkflowVersion>>
{
    public async ValueTask<IReadOnlyList<WorkflowVersion>> Handle(ListWorkflowVersions query, CancellationToken cancellationToken)
    {
        var running = await db.WorkflowInstances.AsNoTracking().Where(i => i.Status == InstanceStatus.Running)
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion }).Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var stored = await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.Id).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);
        var names = stored.Select(d => d.SavedBy).Concat(stored.Select(d => d.PublishedBy)).OfType<string>().Distinct().ToList();
        // Deactivated administrators still saved and published what they did.
        var people = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, PersonView.From, cancellationToken);
        return stored.Select(d => WorkflowVersion.From(d, name => people.TryGetValue(name, out var person) ? person.Label : name,
            running.FirstOrDefault(r => r.DefinitionId == d.Id && r.DefinitionVersion == d.Version)?.Count ?? 0)).ToList();
    }
}

internal static class Publication
{
    public static async Task<User> RequireAdminAsync(this PlannerDbContext db, string actor, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(actor, cancellationToken);
        return user.HasRole(User.Admin) ? user : throw new ForbiddenException($"{actor} is not an administrator; only administrators change workflows");
    }

    /// <summary>Publishes a version if the published set stays whole with it: a default workflow, and every amendment workflow named.</summary>
    public static async Task PublishAsync(PlannerDbContext db, WorkflowDefinitions workflows, StoredDefinition stored, WorkflowDefinition definition,
        string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = await workflows.PublishedAsync(db, cancellationToken);
        if (published.Find(definition.Id) is { } newer && newer.Version > definition.Version)
            throw new ConflictException($"version {newer.Version} of '{definition.Id}' is published already; version {definition.Version} would never be used");
        var set = published.Latest.Where(d => d.Id != definition.Id).Append(definition)
            .Select(d => WorkflowCatalog.Canonical($"{d.Id} v{d.Version}", d)).ToList();
        var problems = WorkflowCatalog.CheckSet("published workflows", set).ToList();
        if (problems.Count > 0) throw new InvalidInputException(problems.Select(p => new Problem(p.Path, $"{p.File}: {p.Message}")).ToList(), "definition");
        stored.PublishedAt = now;
        stored.PublishedBy = actor;
    }
}

/// <summary>The text an administrator starts editing from: a draft as saved, or a copy of a published version numbered as the next one.</summary>
public sealed record WorkflowDraft(string Id, int Version) : IQuery<string>;

public sealed class WorkflowDraftHandler(PlannerDbContext db, WorkflowDefinitions workflows) : IQueryHandler<WorkflowDraft, string>
{
    public async ValueTask<string> Handle(WorkflowDraft query, CancellationToken cancellationToken)
    {
        var definition = await workflows.PinnedAsync(db, query.Id, query.Version, cancellationToken);
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == query.Id)
            .Select(d => new { d.Version, d.PublishedAt }).ToListAsync(cancellationToken);
        if (versions.Single(v => v.Version == query.Version).PublishedAt is not null) definition = definition with { Version = versions.Max(v => v.Version) + 1 };
        return System.Text.Json.JsonSerializer.Serialize(definition, DefinitionReader.Options);
    }
}

/// <summary>A definition being edited: its problems, and when it has none, its diagram.</summary>
public sealed record PreviewWorkflow(string Json) : IQuery<WorkflowPreview>;

public sealed record WorkflowPreview(IReadOnlyList<DefinitionProblem> Problems, string? Svg);

public sealed class PreviewWorkflowHandler : IQueryHandler<PreviewWorkflow, WorkflowPreview>
{
    public ValueTask<WorkflowPreview> Handle(PreviewWorkflow query, CancellationToken cancellationToken)
    {
        var (definition, problems) = new DefinitionReader(ProposalSubject.Facts).Read("definition", query.Json);
        return ValueTask.FromResult(new WorkflowPreview(problems, definition is null ? null : SvgDiagram.ForPages(definition, Words.Diagram)));
    }
}
