using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>How a proposal's approval ended (or paused), told to its coordinator and everyone who decided on it.</summary>
public static class OutcomeNotices
{
    private const int QuotedComment = 200;

    /// <param name="requests">With changes requested: every request of the stage (a workflow that collects them returns several at once).</param>
    public static async Task TellOutcomeAsync(this Notifier notifier, PlannerDbContext db, Proposal proposal, ProposalStatus status,
        User actor, WorkflowStep? step, CancellationToken cancellationToken, IReadOnlyList<WorkflowStep>? requests = null)
    {
        var by = $"{PersonView.From(actor).WithTitle} ({Words.Nation(actor.Nation)})";
        var at = step is null ? "" : $" at {step.StageName}";
        var (kind, headline, forCoordinator, forOthers) = status switch
        {
            ProposalStatus.ChangesRequested => (NotificationKind.ChangesRequested, await RequestsAsync(db, requests ?? [], $"{by} requested changes{at}{Quote(step)}", cancellationToken),
                "Revise the proposal and submit it again", "Nothing for now; you will be told when it is submitted again"),
            ProposalStatus.Rejected => (NotificationKind.Rejected, $"{by} rejected the proposal{at}{Quote(step)}",
                "Nothing; the approval process has ended", "Nothing; the approval process has ended"),
            ProposalStatus.Approved => (NotificationKind.Approved, $"Revision {proposal.Revision} is approved by every nation",
                "Nothing; the documents follow", "Nothing; the documents follow"),
            ProposalStatus.Withdrawn => (NotificationKind.Withdrawn, $"{by} withdrew the proposal",
                "Nothing; its open steps were cancelled", "Nothing; its open steps were cancelled"),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an outcome"),
        };
        var stage = step?.StageName ?? Status(status);
        var people = await db.TakingPartAsync(proposal, cancellationToken);
        notifier.Notify(proposal, new Notice(kind, headline, forCoordinator) { Stage = stage },
            people.Where(u => u.Name == proposal.Coordinator), actor.Name);
        notifier.Notify(proposal, new Notice(kind, headline, forOthers) { Stage = stage },
            people.Where(u => u.Name != proposal.Coordinator), actor.Name);
    }

    /// <summary>Each request for changes of the stage with who made it (not necessarily the last decider, when requests are collected).</summary>
    private static async Task<string> RequestsAsync(PlannerDbContext db, IReadOnlyList<WorkflowStep> requests, string single, CancellationToken cancellationToken)
    {
        if (requests.Count == 0) return single;
        var names = requests.Select(r => r.DecidedBy).OfType<string>().ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        return string.Join("; ", requests.Select(r => (r.DecidedBy is { } name && users.TryGetValue(name, out var u) ? $"{PersonView.From(u).WithTitle} ({Words.Nation(u.Nation)})" : Words.Nation(r.Nation))
            + $" requested changes at {r.StageName}{Quote(r)}"));
    }

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.ChangesRequested => "Changes requested",
        _ => status.ToString(),
    };

    private static string Quote(WorkflowStep? step) => step?.Comment is { Length: > 0 } comment
        ? $": “{(comment.Length > QuotedComment ? comment[..QuotedComment] + "…" : comment)}”"
        : "";
}
