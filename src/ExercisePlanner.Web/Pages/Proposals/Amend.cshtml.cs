using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

/// <summary>The coordinator opens, follows or withdraws an amendment of an approved proposal.</summary>
public sealed class AmendModel(IMediator mediator) : PlannerPage(mediator)
{
    [FromRoute] public string Code { get; set; } = "";

    public ProposalDetails? Proposal { get; private set; }
    /// <summary>While an amendment is open: what it changed and who will be asked.</summary>
    public WorkflowPlan? Plan { get; private set; }
    public RevisionView? InForce => Proposal?.Revisions.SingleOrDefault(r => r.Number == Proposal.InForceRevision);
    public bool IsCoordinator => Proposal?.ViewerCoordinates == true;

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            await LoadAsync();
            return Page();
        }
        catch (NotFoundException) { return NotFound(); }
    }

    public Task<IActionResult> OnPostOpenAsync() => Attempt(async () =>
    {
        await Mediator.Send(new AmendProposal(Code, Actor));
        return Redirect($"/proposals/edit/{Code}");
    });

    public Task<IActionResult> OnPostWithdrawAsync() => Attempt(async () =>
    {
        await Mediator.Send(new WithdrawProposal(Code, Actor));
        return Redirect($"/proposals/{Code}");
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Proposal = await Mediator.Send(new ShowProposal(Code, Viewer: Actor));
        if (Proposal.IsAmending && Proposal.Content is not null) Plan = await Mediator.Send(new PlanWorkflow(Code, Actor));
    }
}
