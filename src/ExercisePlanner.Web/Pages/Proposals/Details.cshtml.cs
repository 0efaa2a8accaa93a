using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Proposals;

public sealed class DetailsModel(IMediator mediator) : PlannerPage(mediator)
{
    [FromRoute] public string Code { get; set; } = "";
    [FromQuery] public int? Revision { get; set; }
    [FromQuery] public string? Done { get; set; }

    private static readonly Dictionary<string, string> DoneWords = new(StringComparer.Ordinal)
    {
        [nameof(StepStatus.Approved)] = "approved",
        [nameof(StepStatus.ChangesRequested)] = "changes requested",
        [nameof(StepStatus.Rejected)] = "rejected",
    };

    public ProposalDetails? Proposal { get; private set; }
    public IReadOnlySet<int> Decidable { get; private set; } = new HashSet<int>();
    public string Banner => Proposal is null ? "" : Markings.Banner(Proposal.Classification, Proposal.ReleasableTo);

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            await LoadAsync();
            return Page();
        }
        catch (NotFoundException) { return NotFound(); }
    }

    public Task<IActionResult> OnPostDecideAsync(int stepId, Decision decision, string? comment) => Attempt(async () =>
    {
        var result = await Mediator.Send(new DecideStep(stepId, decision, comment ?? "", Actor));
        return RedirectToPage(new { code = Code, done = result.Step.Status.ToString() });
    });

    public Task<IActionResult> OnPostSubmitAsync() => Attempt(async () =>
    {
        await Mediator.Send(new SubmitProposal(Code, Actor));
        return RedirectToPage(new { code = Code });
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Proposal = await Mediator.Send(new ShowProposal(Code, Revision, Actor));
        Decidable = (await Mediator.Send(new ListSteps(Actor, Code))).Select(s => s.Id).ToHashSet();
        // The banner says only what the decision did, in words of ours: "?done=" is any text anyone can put in a link.
        if (Done is { } done && DoneWords.TryGetValue(done, out var words)) Message = $"Your decision was recorded: {words}.";
    }
}
