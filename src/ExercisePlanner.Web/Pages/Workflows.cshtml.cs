using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Definitions;
using Mediator;

namespace ExercisePlanner.Web.Pages;

public sealed class WorkflowsModel(IMediator mediator, WorkflowDefinitions workflows) : PlannerPage(mediator)
{
    public List<(WorkflowDefinition Definition, string Svg, string Mermaid)> Definitions { get; } = [];

    public async Task OnGetAsync()
    {
        foreach (var definition in workflows.Catalog.Latest.OrderBy(d => d.Id))
            Definitions.Add((definition, SvgDiagram.Render(definition), await Mediator.Send(new DiagramWorkflow(definition.Id))));
    }
}
