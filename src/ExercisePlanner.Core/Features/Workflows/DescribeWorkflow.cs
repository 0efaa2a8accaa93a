using ExercisePlanner.Core.Domain;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>A workflow definition as a Mermaid flowchart: the newest published version, or the one named.</summary>
public sealed record DiagramWorkflow(string Id, int? Version = null) : IQuery<string>;

public sealed class DiagramWorkflowHandler(PlannerDbContext db, WorkflowDefinitions workflows) : IQueryHandler<DiagramWorkflow, string>
{
    public async ValueTask<string> Handle(DiagramWorkflow query, CancellationToken cancellationToken)
    {
        if (query.Version is { } version) return MermaidDiagram.Render(await workflows.PinnedAsync(db, query.Id, version, cancellationToken));
        var published = await workflows.PublishedAsync(db, cancellationToken);
        var definition = published.Find(query.Id)
            ?? throw new NotFoundException($"no workflow '{query.Id}'; known: {string.Join(", ", published.Latest.Select(d => d.Id))}");
        return MermaidDiagram.Render(definition);
    }
}

/// <summary>The newest published version of every workflow, by id.</summary>
public sealed record ListWorkflows : IQuery<IReadOnlyList<WorkflowDefinition>>;

public sealed class ListWorkflowsHandler(PlannerDbContext db, WorkflowDefinitions workflows) : IQueryHandler<ListWorkflows, IReadOnlyList<WorkflowDefinition>>
{
    public async ValueTask<IReadOnlyList<WorkflowDefinition>> Handle(ListWorkflows query, CancellationToken cancellationToken) =>
        (await workflows.PublishedAsync(db, cancellationToken)).Latest.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
}

/// <summary>Checks one definition file against the schema and the rules; returns every problem.</summary>
public sealed record ValidateWorkflow(string FileName, string Json) : IQuery<IReadOnlyList<DefinitionProblem>>;

public sealed class ValidateWorkflowHandler : IQueryHandler<ValidateWorkflow, IReadOnlyList<DefinitionProblem>>
{
    public ValueTask<IReadOnlyList<DefinitionProblem>> Handle(ValidateWorkflow query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DefinitionReader(ProposalSubject.Facts).Read(query.FileName, query.Json).Problems);
}
