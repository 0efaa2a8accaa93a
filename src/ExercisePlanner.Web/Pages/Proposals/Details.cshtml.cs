using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Discussion;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
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
    /// <summary>The open steps of this proposal the signed-in user may decide.</summary>
    public IReadOnlyList<StepView> Decidable { get; private set; } = [];
    /// <summary>For each decidable step, the colleagues it may be handed to.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PersonView>> Delegates { get; private set; } = new Dictionary<int, IReadOnlyList<PersonView>>();
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

    public Task<IActionResult> OnPostDelegateAsync(int stepId, string? to) => Attempt(async () =>
    {
        var step = await Mediator.Send(new DelegateStep(stepId, to ?? "", Actor));
        return RedirectToPage(new { code = Code, delegated = step.Assignee });
    });

    public Task<IActionResult> OnPostCommentAsync(string? text) => Attempt(async () =>
    {
        await Mediator.Send(new CommentOnProposal(Code, text ?? "", Actor));
        return Redirect($"/proposals/{Uri.EscapeDataString(Code)}#discussion");
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
        Decidable = await Mediator.Send(new ListSteps(Actor, Code));
        var delegates = new Dictionary<int, IReadOnlyList<PersonView>>();
        foreach (var step in Decidable) delegates[step.Id] = await Mediator.Send(new ListDelegates(step.Id, Actor));
        Delegates = delegates;
        // Both banners say only our words: a query string is any text anyone can put in a link.
        if (Request.Query["delegated"] is { Count: > 0 } delegated && Proposal.People.FirstOrDefault(p => p.Name == delegated) is { } colleague)
            Message = $"You handed the step to {colleague.Label}.";
        if (Done is { } done && DoneWords.TryGetValue(done, out var words)) Message = $"Your decision was recorded: {words}.";
    }

    /// <summary>
    /// In which capacity the signed-in user decides the step, in words: "as national approver"; "as chief of staff" once it
    /// escalated to them; else on the role holder's behalf, as someone an administrator gave it to without the role; and who
    /// gave or handed it to them, and when.
    /// </summary>
    public string Capacity(StepView step)
    {
        var d = Proposal!;
        var roles = d.Person(Actor).Roles;
        var role = Words.Role(step.Role);
        var capacity = roles.Contains(step.Role) ? $"as {role}"
            : step.EscalatedTo is { } escalated && roles.Contains(escalated) ? $"as {Words.Role(escalated)}, on behalf of the {role} since the step passed its deadline"
            : $"on behalf of the {role} (a role you do not hold)";
        return d.HandoverOf(step.Id) is { } handover
            ? $"{capacity}: {handover.Verb.ToLowerInvariant()} to you by {handover.Giver(d.Person)} on {handover.Day}"
            : capacity;
    }

    /// <summary>One line of the discussion: a submission, a decision, a comment or the round's outcome, in words.</summary>
    public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Sentence, string? Quote);

    /// <summary>What happened to one revision, in order: its submission, every decision of its round and every comment on it.</summary>
    public IReadOnlyList<TimelineEntry> Timeline(int revision)
    {
        var d = Proposal!;
        var entries = new List<TimelineEntry>();
        if (d.Revisions.FirstOrDefault(r => r.Number == revision) is { } submitted)
            entries.Add(new(submitted.SubmittedAt, "submitted", $"{d.Person(submitted.SubmittedBy).Label} submitted revision {revision}.", null));
        foreach (var round in d.Rounds.Where(r => r.Revision == revision))
        {
            foreach (var s in round.Steps.Where(s => s.Decision is not null && s.DecidedAt is not null))
                entries.Add(new(s.DecidedAt!.Value, s.Status.ToString(),
                    $"{d.Person(s.DecidedBy!).Acting(s.Nation, s.Role)} {Words.Verb(s.Decision!.Value)} {s.StageName}:", s.Comment));
            if (round.EndedAt is { } ended && round.Status != InstanceStatus.Running)
                entries.Add(new(ended, round.Status.ToString(), Outcome(round.Status, revision), null));
        }
        foreach (var c in d.Comments.Where(c => c.Revision == revision))
        {
            var author = d.Person(c.Author);
            entries.Add(new(c.At, "comment", $"{author.Label} ({author.Nation}) commented:", c.Text));
        }
        return entries.OrderBy(e => e.At).ThenBy(e => e.Kind == "submitted" ? 0 : 1).ToList();
    }

    private static string Outcome(InstanceStatus status, int revision) => status switch
    {
        InstanceStatus.Approved => $"Revision {revision} was approved.",
        InstanceStatus.ChangesRequested => $"Revision {revision} went back to the coordinator with the requests for changes above.",
        InstanceStatus.Rejected => $"Revision {revision} was rejected; the approval ended.",
        _ => $"Revision {revision} was withdrawn.",
    };

    /// <summary>The revisions the discussion covers, newest first: every submitted one, and the draft's if it has comments.</summary>
    public IReadOnlyList<int> DiscussedRevisions =>
        Proposal!.Revisions.Select(r => r.Number).Concat(Proposal.Comments.Select(c => c.Revision)).Distinct().OrderDescending().ToList();
}
