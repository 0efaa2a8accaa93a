using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Discussion;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// A proposal with its workflow, steps, every round's decisions, the discussion and history. It shows the content of
/// the revision asked for, else of the revision under review (the draft while the proposal is being edited), and what
/// changed since the revision before.
/// A viewer the content is not releasable to (<see cref="Visibility.MaySeeContent"/>) gets the header only:
/// <see cref="ProposalDetails.Content"/> is null, location, participants, documents, what revisions changed and the
/// discussion's comments are left out, and steps, rounds and history are their own nation's.
/// </summary>
public sealed record ShowProposal(string Code, int? Revision = null, string? Viewer = null) : IQuery<ProposalDetails>;

/// <param name="Revision">The proposal's current revision number.</param>
/// <param name="ViewedRevision">The revision whose content this shows; null for the draft not yet submitted.</param>
/// <param name="Steps">The steps of the latest round.</param>
/// <param name="Rounds">Every round of approval, one per submitted revision, oldest first.</param>
/// <param name="ChangesSince">The revision <paramref name="Changes"/> compares the shown content with; null when there is none before it.</param>
/// <param name="People">Everyone named in the proposal's steps, revisions and discussion, with display name and title.</param>
public sealed record ProposalDetails(
    string Code, string Name, ExerciseType Type, ProposalStatus Status, int Revision, DateOnly StartDate, DateOnly EndDate,
    string Location, Classification Classification, IReadOnlyList<string> ReleasableTo, string Coordinator,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<RevisionView> Revisions,
    WorkflowView? Workflow, IReadOnlyList<StepView> Steps, IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<HistoryEntry> History, ProposalContent? Content,
    int? ViewedRevision, IReadOnlyList<RoundView> Rounds, IReadOnlyList<CommentView> Comments,
    int? ChangesSince, ProposalDiff? Changes, IReadOnlyList<PersonView> People)
{
    /// <summary>The approved revision in force (null before the first approval); while an amendment is open, an earlier one than <see cref="Revision"/>.</summary>
    public int? InForceRevision { get; init; }
    /// <summary>0 for the original; N for the Nth amendment (the one open, or the last one approved).</summary>
    public int Amendment { get; init; }
    public bool IsAmending { get; init; }
    /// <summary>How each step with an assignee came to them (delegated or given by an administrator), for the steps shown.</summary>
    public IReadOnlyList<Handover> Handovers { get; init; } = [];

    /// <summary>The people named here who can no longer sign in (deactivated): a step handed to one of them waits for an administrator.</summary>
    public IReadOnlyList<string> Deactivated { get; init; } = [];

    /// <summary>The viewer drafted the proposal and may still change it (edit, submit, withdraw, reopen, amend): the pages offer those only then.</summary>
    public bool ViewerCoordinates { get; init; }

    /// <summary>Why the viewer, who drafted the proposal, may no longer change it (an administrator took their coordinator role away); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ViewerMayNotCoordinate { get; init; }

    /// <summary>How the step came to its assignee; null for a step nobody handed over.</summary>
    public Handover? HandoverOf(int stepId) => Handovers.FirstOrDefault(h => h.StepId == stepId);

    /// <summary>The person behind a user name, or the bare name for one without a user record.</summary>
    public PersonView Person(string name) => People.FirstOrDefault(p => p.Name == name) ?? new PersonView(name, "", "", "", []);
}

/// <summary>
/// One round of approval: the workflow run over one submitted revision, with every step and decision.
/// <see cref="WorkflowName"/> is the definition's name for people ("Exercise approval"); <see cref="Workflow"/> its id.
/// </summary>
public sealed record RoundView(int Revision, string Workflow, int WorkflowVersion, InstanceStatus Status,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, IReadOnlyList<StepView> Steps)
{
    public string WorkflowName { get; init; } = Workflow;
}

/// <summary>A stored document: generated on final approval, kept with its version and hash.</summary>
public sealed record DocumentView(DocumentKind Kind, int Version, int Revision, string FileName, string Sha256, DateTimeOffset CreatedAt);

/// <summary>The latest workflow instance of the proposal.</summary>
public sealed record WorkflowView(string Id, int Version, int Revision, InstanceStatus Status, string? CurrentStage,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

public sealed record ParticipantView(string Nation, string NationName, IReadOnlyList<ParticipantRole> Roles);

/// <summary>A submitted revision and the fields it changed since the one before.</summary>
public sealed record RevisionView(int Number, string SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<string> Changed);

public sealed record HistoryEntry(long Sequence, DateTimeOffset At, string Actor, string Action, string Record, string Change);

public sealed class ShowProposalHandler(PlannerDbContext db) : IQueryHandler<ShowProposal, ProposalDetails>
{
    private static List<RevisionView> Revisions(Proposal proposal)
    {
        var revisions = proposal.Revisions.OrderBy(r => r.Number).ToList();
        return revisions.Select((r, i) => new RevisionView(r.Number, r.SubmittedBy, r.SubmittedAt,
            i == 0 ? [] : ProposalChanges.Between(revisions[i - 1].Content, r.Content))).ToList();
    }

    public async ValueTask<ProposalDetails> Handle(ShowProposal query, CancellationToken cancellationToken)
    {
        var (proposal, viewer) = await db.ViewProposalAsync(query.Code, query.Viewer, cancellationToken);
        var full = viewer.MaySeeContent(proposal);
        var own = "/" + viewer?.Nation + "/";
        // Participating nations and timers are audited too, but follow the content and steps the history already names.
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == proposal.Code || e.EntityKey.StartsWith(proposal.Code + "/"))
            .Where(e => e.EntityType != nameof(ProposalNation) && e.EntityType != nameof(WorkflowTimer));
        if (!full) entries = entries.Where(e => e.EntityKey == proposal.Code || e.EntityKey.Contains(own));
        var history = await entries.OrderBy(e => e.Sequence)
            .Select(e => new HistoryEntry(e.Sequence, e.At, e.Actor, e.Action, e.EntityType + " " + e.EntityKey, e.Change))
            .ToListAsync(cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.SubjectKey == proposal.Code).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var used = instances.Select(i => i.DefinitionId).Distinct().ToList();
        var definitions = await db.WorkflowDefinitions.AsNoTracking().Where(d => used.Contains(d.Id))
            .Select(d => new { d.Id, d.Version, d.Name }).ToListAsync(cancellationToken);
        var rounds = instances.Select(i => new RoundView(i.SubjectRevision, i.DefinitionId, i.DefinitionVersion, i.Status, i.StartedAt, i.EndedAt,
            i.Steps.Where(s => full || s.Nation == viewer!.Nation)
                .OrderBy(s => s.StageIndex).ThenBy(s => s.Id).Select(StepView.From).ToList())
        {
            WorkflowName = definitions.FirstOrDefault(n => n.Id == i.DefinitionId && n.Version == i.DefinitionVersion)?.Name ?? i.DefinitionId,
        }).ToList();
        var instance = instances.LastOrDefault();
        var workflow = instance is null ? null : new WorkflowView(instance.DefinitionId, instance.DefinitionVersion,
            instance.SubjectRevision, instance.Status, instance.CurrentStageId, instance.StartedAt, instance.EndedAt);
        var documents = !full ? [] : await db.Documents.AsNoTracking().Where(d => d.Code == proposal.Code).OrderBy(d => d.Id)
            .Select(d => new DocumentView(d.Kind, d.Version, d.Revision, d.FileName, d.Sha256, d.CreatedAt)).ToListAsync(cancellationToken);
        var comments = !full ? [] : await db.ProposalComments.AsNoTracking().Where(c => c.Proposal == proposal.Code).OrderBy(c => c.Id)
            .Select(c => new CommentView(c.Proposal, c.Revision, c.Author, c.Text, c.At)).ToListAsync(cancellationToken);

        // The revision asked for; else the one under review (or, once approved, the one in force: a rejected
        // amendment leaves it so); while the coordinator edits, the draft.
        var viewed = query.Revision ?? (proposal.IsEditable ? null
            : proposal.Status == ProposalStatus.Approved ? proposal.InForceRevision ?? proposal.Revision : proposal.Revision);
        var c = viewed is not { } number ? proposal.Content
            : proposal.Revisions.SingleOrDefault(r => r.Number == number)?.Content
              ?? throw new NotFoundException($"proposal {proposal.Code} has no submitted revision {number}");
        var since = (viewed ?? proposal.Revisions.Select(r => (int?)r.Number + 1).Max() ?? 1) - 1;
        var changes = full && since >= 1 ? ProposalChanges.Compare(proposal.RevisionContent(since, "revision"), c) : null;

        var shown = rounds.SelectMany(r => r.Steps).Select(s => s.Id).ToHashSet();
        var handovers = instances.SelectMany(i => i.Steps).Where(s => shown.Contains(s.Id))
            .Select(s => Handover.Of(s, history)).OfType<Handover>().ToList();
        // The viewer too: the decision form says whether they hold the step's role or decide on its holder's behalf.
        var names = rounds.SelectMany(r => r.Steps).SelectMany(s => new[] { s.DecidedBy, s.Assignee })
            .Concat(comments.Select(x => x.Author)).Concat(proposal.Revisions.Select(r => r.SubmittedBy)).Concat(handovers.Select(h => h.By))
            .Append(proposal.Coordinator).Append(query.Viewer).OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => names.Contains(u.Name)).ToListAsync(cancellationToken);
        // Markings (classification, releasable nations) belong to the header: they say how to handle even that.
        return new ProposalDetails(
            proposal.Code, c.Name, c.Type, proposal.Status, proposal.Revision, c.StartDate, c.EndDate,
            full ? c.Location : "", c.Classification, c.ReleasableTo, proposal.Coordinator,
            full ? c.Participants.Select(p => new ParticipantView(p.Nation, Nation.NameOf(p.Nation), p.Roles)).ToList() : [],
            full ? Revisions(proposal) : Revisions(proposal).Select(r => r with { Changed = [] }).ToList(),
            workflow, rounds.LastOrDefault()?.Steps ?? [], documents, history, full ? c : null,
            viewed, rounds, comments, changes is null ? null : since, changes, people.Select(PersonView.From).ToList())
        {
            InForceRevision = proposal.InForceRevision,
            Amendment = proposal.Amendment,
            IsAmending = proposal.IsAmending,
            Handovers = handovers,
            Deactivated = people.Where(u => !u.IsActive).Select(u => u.Name).ToList(),
            ViewerCoordinates = viewer?.Name == proposal.Coordinator && viewer.Coordinates(proposal),
            ViewerMayNotCoordinate = viewer?.Name == proposal.Coordinator && !viewer.Coordinates(proposal)
                ? "You drafted this proposal but no longer hold the coordinator role, so you cannot edit, submit, withdraw, reopen or amend it. An administrator can give the role back."
                : null,
        };
    }
}
