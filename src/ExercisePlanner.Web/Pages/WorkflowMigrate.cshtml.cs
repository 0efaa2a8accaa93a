using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

/// <summary>An administrator moves the approvals running on one version of a workflow to another, after seeing what would happen.</summary>
[Authorize(Policy = WebSetup.AdminPolicy)]
public sealed class WorkflowMigrateModel(IMediator mediator) : PlannerPage(mediator)
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int From { get; set; }
    [BindProperty] public int To { get; set; }
    /// <summary>Proposal codes, separated by spaces or commas; empty for every approval on the version.</summary>
    [BindProperty] public string? Proposals { get; set; }
    /// <summary>One "old-stage = new-stage" per line.</summary>
    [BindProperty] public string? Map { get; set; }

    public IReadOnlyList<WorkflowVersion> Versions { get; private set; } = [];
    public MigrationReport? Report { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        To = Versions.Where(v => v.Published && v.Version != From).Select(v => v.Version).DefaultIfEmpty(From).Max();
    }

    public Task<IActionResult> OnPostDryRunAsync() => RunAsync(dryRun: true);

    public Task<IActionResult> OnPostMigrateAsync() => RunAsync(dryRun: false);

    private Task<IActionResult> RunAsync(bool dryRun) => Attempt(async () =>
    {
        await LoadAsync();
        var codes = (Proposals ?? "").Split([' ', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Report = await Mediator.Send(new MigrateWorkflow(Id, From, To, codes, StageMap.Parse((Map ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "Map"), dryRun, Actor));
        if (Report.Migrated) Message = $"Moved {Report.Instances.Count} approval(s) to version {To}.";
        return Page();
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync() => Versions = (await Mediator.Send(new ListWorkflowVersions())).Where(v => v.Id == Id).ToList();

    public static string Fate(MigrationStep step) => step.Change switch
    {
        StepChange.Carried => "stays open, with its deadline",
        StepChange.Kept => "already decided; the decision stands",
        StepChange.Cancelled => "cancelled: the new version does not ask for it",
        _ => "opened: the new version asks for it",
    };
}
