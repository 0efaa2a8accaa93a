using ExercisePlanner.Core.Features.Steps;
using Words = ExercisePlanner.Core.Common.Words;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Steps;

/// <summary>Administrators see the open steps nobody can decide and give each to a named user of its nation.</summary>
[Authorize(Policy = WebSetup.AdminPolicy)]
public sealed class UndecidableModel(IMediator mediator) : PlannerPage(mediator)
{
    public IReadOnlyList<UndecidableStep> Steps { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostReassignAsync(int stepId, string? to) => Attempt(async () =>
    {
        var step = await Mediator.Send(new ReassignStep(stepId, to ?? "", Actor));
        await LoadAsync();
        Message = $"{step.StageName} for {Words.Nation(step.Nation)} ({step.Proposal}) now waits for {step.AssigneeName}, who has been told.";
        return Page();
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync() => Steps = await Mediator.Send(new ListUndecidableSteps(Actor));
}
