using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// A proposal with its workflow, steps and history; with a revision number, the content as submitted then.
/// A viewer the content is not releasable to (<see cref="Visibility.MaySeeContent"/>) gets the header only:
/// <see cref="ProposalDetails.Content"/> is null, location, participants, documents and what revisions changed
/// are left out, and steps and history are their own nation's.
/// </summary>
public sealed record ShowProposal(string Code, int? Revision = null, string? Viewer = null) : IQuery<ProposalDetails>;

public sealed record ProposalDetails(
    string Code, string Name, ExerciseType Type, ProposalStatus Status, int Revision, DateOnly StartDate, DateOnly EndDate,
    string Location, Classification Classification, IReadOnlyList<string> ReleasableTo, string Coordinator,
    IReadOnlyList<ParticipantView> Participants, IReadOnlyList<RevisionView> Revisions,
    WorkflowView? Workflow, IReadOnlyList<StepView> Steps, IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<HistoryEntry> History, ProposalContent? Content)
{
    /// <summary>The approved revision in force (null before the first approval); while an amendment is open, an earlier one than <see cref="Revision"/>.</summary>
    public int? InForceRevision { get; init; }
    /// <summary>0 for the original; N for the Nth amendment (the one open, or the last one approved).</summary>
    public int Amendment { get; init; }
    public bool IsAmending { get; init; }
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
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == proposal.Code || e.EntityKey.StartsWith(proposal.Code + "/"));
        if (!full) entries = entries.Where(e => e.EntityKey == proposal.Code || e.EntityKey.Contains(own));
        var history = await entries.OrderBy(e => e.Sequence)
            .Select(e => new HistoryEntry(e.Sequence, e.At, e.Actor, e.Action, e.EntityType + " " + e.EntityKey, e.Change))
            .ToListAsync(cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.SubjectKey == proposal.Code).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var workflow = instance is null ? null : new WorkflowView(instance.DefinitionId, instance.DefinitionVersion,
            instance.SubjectRevision, instance.Status, instance.CurrentStageId, instance.StartedAt, instance.EndedAt);
        var steps = instance?.Steps.Where(s => full || s.Nation == viewer!.Nation)
            .OrderBy(s => s.StageIndex).ThenBy(s => s.Id).Select(StepView.From).ToList() ?? [];
        var documents = !full ? [] : await db.Documents.AsNoTracking().Where(d => d.Code == proposal.Code).OrderBy(d => d.Id)
            .Select(d => new DocumentView(d.Kind, d.Version, d.Revision, d.FileName, d.Sha256, d.CreatedAt)).ToListAsync(cancellationToken);
        var c = proposal.Content;
        if (query.Revision is { } number)
            c = proposal.Revisions.SingleOrDefault(r => r.Number == number)?.Content
                ?? throw new NotFoundException($"proposal {proposal.Code} has no submitted revision {number}");
        // Markings (classification, releasable nations) belong to the header: they say how to handle even that.
        return new ProposalDetails(
            proposal.Code, c.Name, c.Type, proposal.Status, proposal.Revision, c.StartDate, c.EndDate,
            full ? c.Location : "", c.Classification, c.ReleasableTo, proposal.Coordinator,
            full ? c.Participants.Select(p => new ParticipantView(p.Nation, Nation.NameOf(p.Nation), p.Roles)).ToList() : [],
            full ? Revisions(proposal) : Revisions(proposal).Select(r => r with { Changed = [] }).ToList(),
            workflow, steps, documents, history, full ? c : null)
        {
            InForceRevision = proposal.InForceRevision,
            Amendment = proposal.Amendment,
            IsAmending = proposal.IsAmending,
        };
    }
}
