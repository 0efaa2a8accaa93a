using System.Security.Cryptography;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>Renders one document of a proposal on demand. The approval record also renders the plan and memorandum to vouch for their hashes.</summary>
public sealed record RenderDocument(string Code, DocumentKind Kind, string? Language = null, string? Viewer = null) : IQuery<RenderedDocument>;

public sealed record RenderedDocument(string Code, DocumentKind Kind, string FileName, byte[] Content, string Sha256);

public sealed class RenderDocumentHandler(PlannerDbContext db, IDocumentRenderer renderer) : IQueryHandler<RenderDocument, RenderedDocument>
{
    public async ValueTask<RenderedDocument> Handle(RenderDocument query, CancellationToken cancellationToken)
    {
        var (proposal, viewer) = await db.ViewProposalAsync(query.Code, query.Viewer, cancellationToken);
        viewer.RequireReleasable(proposal);
        var model = await DocumentModels.BuildAsync(db, proposal, query.Language, cancellationToken);
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

    public static async Task<DocumentModel> BuildAsync(PlannerDbContext db, Proposal proposal, string? language, CancellationToken cancellationToken)
    {
        var code = proposal.Code;
        var instance = await db.WorkflowInstances.AsNoTracking().Include(i => i.Steps)
            .Where(i => i.SubjectKey == code).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        var steps = instance?.Steps.OrderBy(s => s.StageIndex).ThenBy(s => s.Id).ToList() ?? [];
        var deciders = steps.Select(s => s.DecidedBy).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Name)).ToDictionaryAsync(u => u.Name, cancellationToken);
        var anchor = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityKey == code || e.EntityKey.StartsWith(code + "/"))
            .OrderByDescending(e => e.Sequence).Select(e => new AuditAnchor(e.Sequence, e.Hash)).FirstOrDefaultAsync(cancellationToken);

        var content = proposal.Content;
        var signatories = content.ContributingNations.Select(nation =>
        {
            var approval = steps.FirstOrDefault(s => s.Nation == nation && s.Status == StepStatus.Approved && s.DecidedBy is not null);
            var user = approval?.DecidedBy is { } name ? users.GetValueOrDefault(name) : null;
            return new Signatory(nation, Nation.NameOf(nation), user?.Name ?? "", user?.Title ?? "");
        }).ToList();
        var approvals = steps.Select(s => new StepRecord(
            s.StageName, s.Nation, s.Role, s.Status.ToString(), s.Decision?.ToString(), s.DecidedBy,
            s.DecidedBy is { } by && users.TryGetValue(by, out var u) ? u.Title : null, s.DecidedAt, s.Comment, s.DueAt)).ToList();

        return new DocumentModel(proposal.Code, proposal.Revision, proposal.Status, content, proposal.Coordinator,
            proposal.UpdatedAt, DocumentLanguages.SecondLanguage(language, content), signatories, approvals, anchor, []);
    }
}
