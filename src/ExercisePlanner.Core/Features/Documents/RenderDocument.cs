using System.Security.Cryptography;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>
/// Renders one document of a proposal on demand: of its current content, or of a submitted revision as it
/// was submitted and decided. The approval record also renders the plan and memorandum to vouch for their hashes.
/// </summary>
public sealed record RenderDocument(string Code, DocumentKind Kind, string? Language = null, string? Viewer = null, int? Revision = null) : IQuery<RenderedDocument>;

public sealed record RenderedDocument(string Code, DocumentKind Kind, string FileName, byte[] Content, string Sha256);

public sealed class RenderDocumentHandler(PlannerDbContext db, IDocumentRenderer renderer) : IQueryHandler<RenderDocument, RenderedDocument>
{
    public async ValueTask<RenderedDocument> Handle(RenderDocument query, CancellationToken cancellationToken)
    {
        var (proposal, viewer) = await db.ViewProposalAsync(query.Code, query.Viewer, cancellationToken);
        viewer.RequireContent(proposal);
        if (query.Revision is < 1) throw new InvalidInputException("--revision", $"'{query.Revision}' is not a revision number (1, 2, …)");
        // An approved revision's papers are the ones stored on approval, whose hashes the record vouches for.
        var stored = query.Revision is { } number && (query.Language is null || query.Kind != DocumentKind.Memorandum)
            ? await db.Documents.AsNoTracking().Where(d => d.Code == proposal.Code && d.Revision == number && d.Kind == query.Kind)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (stored is not null) return new RenderedDocument(stored.Code, stored.Kind, stored.FileName, stored.Content, stored.Sha256);
        var model = await DocumentModels.BuildAsync(db, proposal, query.Language, cancellationToken, query.Revision);
        return DocumentModels.Render(renderer, query.Kind, model);
    }
}

internal static class DocumentModels
{
    public static RenderedDocument Render(IDocumentRenderer renderer, DocumentKind kind, DocumentModel model)
    {
        if (kind == DocumentKind.Record)
        {
            var plan = Render(renderer, DocumentKind.Plan, model);
            var memorandum = Render(renderer, DocumentKind.Memorandum, model);
            model = model with { Covers = [new("Exercise plan", plan.Sha256), new("Memorandum of understanding", memorandum.Sha256)] };
        }
        var bytes = renderer.Render(kind, model);
        var suffix = kind switch { DocumentKind.Plan => "plan", DocumentKind.Memorandum => "mou", _ => "record" };
        var language = kind == DocumentKind.Memorandum && model.SecondLanguage is { } second ? "-" + second : "";
        return new RenderedDocument(model.Code, kind, $"{model.Code}-r{model.Revision}-{suffix}{language}.pdf", bytes,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>
    /// The model of the proposal's current content and latest workflow, or, given a revision, of that revision's
    /// submitted content and its own workflow (an earlier round shows the outcome it had, such as changes requested).
    /// </summary>
    public static async Task<DocumentModel> BuildAsync(PlannerDbContext db, Proposal proposal, string? language, CancellationToken cancellationToken, int? revision = null)
    {
        var code = proposal.Code;
        var submitted = revision is { } asked
            ? proposal.Revisions.SingleOrDefault(r => r.Number == asked) ?? throw new NotFoundException($"proposal {code} has no submitted revision {asked}")
            : null;
        // While an amendment is open, the documents are those of the revision in force.
        var shown = submitted ?? (proposal.IsAmending ? proposal.InForce! : null);
        var number = shown?.Number ?? proposal.Revision;
        var instances = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.SubjectKey == code && i.SubjectRevision <= number).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var instance = instances.LastOrDefault(i => submitted is null || i.SubjectRevision == submitted.Number);
        var steps = instance?.Steps.OrderBy(s => s.StageIndex).ThenBy(s => s.Id).ToList() ?? [];
        // An amendment asks only some nations again; the others' signatures stand from the approval before.
        var approvedBefore = instances.Where(i => i.Status == InstanceStatus.Approved).Reverse().SelectMany(i => i.Steps);
        var approvals = steps.Concat(approvedBefore).Where(s => s.Status == StepStatus.Approved && s.DecidedBy is not null).ToList();
        var deciders = instances.SelectMany(i => i.Steps).Select(s => s.DecidedBy).OfType<string>().Append(proposal.Coordinator).Distinct().ToList();
        var users = await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => deciders.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        var anchor = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == code || e.EntityKey.StartsWith(code + "/"))
            .OrderByDescending(e => e.Sequence).Select(e => new AuditAnchor(e.Sequence, e.Hash)).FirstOrDefaultAsync(cancellationToken);

        var content = shown?.Content ?? proposal.Content;
        // A revision asked for by number that is not the current one shows the outcome of its own round.
        var current = submitted is null || submitted.Number == proposal.Revision && proposal.Status != ProposalStatus.Draft;
        var status = submitted is null && proposal.IsAmending ? ProposalStatus.Approved : current ? proposal.Status : instance?.Status switch
        {
            InstanceStatus.Approved => ProposalStatus.Approved,
            InstanceStatus.ChangesRequested => ProposalStatus.ChangesRequested,
            InstanceStatus.Rejected => ProposalStatus.Rejected,
            InstanceStatus.Withdrawn => ProposalStatus.Withdrawn,
            _ => ProposalStatus.Submitted,
        };
        var issuedAt = current ? proposal.UpdatedAt : instance?.EndedAt ?? submitted!.SubmittedAt;
        var signatories = content.ContributingNations.Select(nation =>
        {
            var approval = approvals.FirstOrDefault(s => s.Nation == nation);
            var user = approval?.DecidedBy is { } name ? users.GetValueOrDefault(name) : null;
            return new Signatory(nation, Nation.NameOf(nation), user is null ? "" : PersonView.From(user).Label, user?.Title ?? "");
        }).ToList();
        StepRecord Record(WorkflowStep s)
        {
            var decider = s.DecidedBy is { } by && users.TryGetValue(by, out var u) ? PersonView.From(u) : null;
            return new StepRecord(s.StageName, s.Nation, Words.Role(s.Role), Words.Of(s.Status),
                decider?.Label ?? s.DecidedBy, decider?.Title, s.DecidedAt, s.Comment, s.DueAt);
        }
        var records = steps.Select(Record).ToList();
        // The rounds before this one: the requests for changes (and earlier decisions) that led to the revision shown.
        var earlier = instances.TakeWhile(i => i != instance).Select(i => new RoundRecord(i.SubjectRevision, Words.Of(i.Status),
            i.Steps.Where(s => s.DecidedAt is not null).OrderBy(s => s.StageIndex).ThenBy(s => s.Id).Select(Record).ToList())).ToList();

        var coordinator = users.TryGetValue(proposal.Coordinator, out var c) ? PersonView.From(c).WithTitle : proposal.Coordinator;
        return new DocumentModel(proposal.Code, number, status, content, coordinator,
            issuedAt, DocumentLanguages.SecondLanguage(language, content), signatories, records, anchor, [])
        {
            Amendment = shown?.Amendment ?? proposal.Amendment,
            Chain = Chain(proposal, instances),
            EarlierRounds = earlier,
        };
    }

    /// <summary>The revisions approved in turn, each with what it changed from the one in force before it.</summary>
    private static List<ApprovalInForce> Chain(Proposal proposal, List<WorkflowInstance> instances)
    {
        var chain = new List<ApprovalInForce>();
        ProposalContent? before = null;
        foreach (var approved in instances.Where(i => i.Status == InstanceStatus.Approved))
        {
            if (proposal.Revisions.SingleOrDefault(r => r.Number == approved.SubjectRevision) is not { } revision) continue;
            chain.Add(new ApprovalInForce(revision.Amendment, revision.Number, approved.EndedAt ?? approved.StartedAt,
                before is null ? [] : ProposalChanges.Between(before, revision.Content)));
            before = revision.Content;
        }
        return chain;
    }
}
