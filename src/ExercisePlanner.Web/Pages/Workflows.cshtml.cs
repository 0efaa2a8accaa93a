using ExercisePlanner.Core.Common;
using Microsoft.AspNetCore.Authorization;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Definitions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

public sealed class WorkflowsModel(IMediator mediator, IAuthorizationService authorization) : PlannerPage(mediator)
{
    public List<(WorkflowDefinition Definition, string Svg, string Mermaid)> Definitions { get; } = [];
    /// <summary>Every stored version, for administrators: drafts to publish, and what runs on each.</summary>
    public IReadOnlyList<WorkflowVersion> Versions { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostPublishAsync(string id, int version) => Attempt(async () =>
    {
        var published = await Mediator.Send(new PublishWorkflow(id, version, Actor));
        return RedirectToPage(new { published = $"{published.Name} version {published.Version}" });
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        foreach (var definition in await Mediator.Send(new ListWorkflows()))
            Definitions.Add((definition, SvgDiagram.ForPages(definition, Words.Diagram), await Mediator.Send(new DiagramWorkflow(definition.Id))));
        IsAdmin = (await authorization.AuthorizeAsync(User, HttpContext, WebSetup.AdminPolicy)).Succeeded;
        if (IsAdmin) Versions = await Mediator.Send(new ListWorkflowVersions());
        if (Request.Query["published"] is { Count: > 0 } published) Message = $"Published {published}. New submissions use it; approvals already running stay on their version.";
        if (Request.Query["saved"] is { Count: > 0 } saved) Message = $"Saved {saved} as a draft. Nothing uses it until it is published.";
    }
}
