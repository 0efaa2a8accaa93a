using ExercisePlanner.Core.Domain;
using ExercisePlanner.Workflows.Definitions;
using Mediator;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>The newest version of a workflow definition as a Mermaid flowchart.</summary>
public sealed record DiagramWorkflow(string Id) : IQuery<string>;

public sealed class DiagramWorkflowHandler(WorkflowDefinitions workflows) : IQueryHandler<DiagramWorkflow, string>
{
    public ValueTask<string> Handle(DiagramWorkflow query, CancellationToken cancellationToken)
    {
        var definition = workflows.Catalog.Find(query.Id)
            ?? throw new NotFoundException($"no workflow '{query.Id}'; known: {string.Join(", ", workflows.Catalog.Latest.Select(d => d.Id))}");
        return ValueTask.FromResult(MermaidDiagram.Render(definition));
    }
}

/// <summary>Checks one definition file against the schema and the rules; returns every problem.</summary>
public sealed record ValidateWorkflow(string FileName, string Json) : IQuery<IReadOnlyList<DefinitionProblem>>;

public sealed class ValidateWorkflowHandler : IQueryHandler<ValidateWorkflow, IReadOnlyList<DefinitionProblem>>
{
    public ValueTask<IReadOnlyList<DefinitionProblem>> Handle(ValidateWorkflow query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DefinitionReader(ProposalSubject.Facts).Read(query.FileName, query.Json).Problems);
}
