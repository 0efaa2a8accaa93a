using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>
/// The <c>generate-documents</c> workflow action: stores the plan, memorandum and approval record of an approved
/// revision, with a version and SHA-256, and tells those taking part. Sent once the final decision has committed
/// (<see cref="AfterCommit"/>): the documents are rendered before the writer lock (<see cref="DocumentDrafts"/>),
/// which a large proposal's would hold for a second or more. Nothing happens if the revision's documents are stored
/// already, so the sweep (<see cref="CatchUpDocuments"/>) and several nodes may send it again. True if it stored them.
/// </summary>
public sealed record StoreDocuments(string Code, int Revision) : ICommand<bool>;

public sealed class StoredDocument
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int Revision { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>1 for the first document of its kind for the proposal; increases on every regeneration.</summary>
    public int Version { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The documents of a revision, rendered before the writer lock is taken. One per unit of work (scoped).</summary>
public sealed class DocumentDrafts(PlannerDbContext db, IDocumentRenderer renderer) : IBeforeWriteLock<StoreDocuments>
{
    private (StoreDocuments For, Proposal Proposal, int Revision, List<RenderedDocument> Documents)? _drafts;

    public async Task PrepareAsync(StoreDocuments command, CancellationToken cancellationToken) =>
        _drafts = await RenderAsync(command, cancellationToken);

    /// <summary>
    /// The drafts made for <paramref name="command"/>, else rendered now. An approved revision's content and decisions no
    /// longer change, so drafts made before the lock stay true under it.
    /// </summary>
    public async Task<(StoreDocuments For, Proposal Proposal, int Revision, List<RenderedDocument> Documents)> RequireAsync(StoreDocuments command,
        CancellationToken cancellationToken) =>
        _drafts is { } drafts && drafts.For == command ? drafts : await RenderAsync(command, cancellationToken);

    private async Task<(StoreDocuments, Proposal, int, List<RenderedDocument>)> RenderAsync(StoreDocuments command, CancellationToken cancellationToken)
    {
        var (proposal, _) = await db.ViewProposalAsync(command.Code, viewerName: null, cancellationToken);
        var model = await DocumentModels.BuildAsync(db, proposal, null, cancellationToken, command.Revision);
        return (command, proposal, model.Revision, Enum.GetValues<DocumentKind>().Select(kind => DocumentModels.Render(renderer, kind, model)).ToList());
    }
}

public sealed class StoreDocumentsHandler(PlannerDbContext db, DocumentDrafts drafts, Notifier notifier, TimeProvider clock) : ICommandHandler<StoreDocuments, bool>
{
    public async ValueTask<bool> Handle(StoreDocuments command, CancellationToken cancellationToken)
    {
        if (await db.Documents.AnyAsync(d => d.Code == command.Code && d.Revision == command.Revision, cancellationToken)) return false;
        var (_, proposal, revision, documents) = await drafts.RequireAsync(command, cancellationToken);
        foreach (var rendered in documents)
        {
            var version = await db.Documents.CountAsync(d => d.Code == command.Code && d.Kind == rendered.Kind, cancellationToken) + 1;
            db.Documents.Add(new StoredDocument
            {
                Code = command.Code, Revision = revision, Kind = rendered.Kind, Version = version, FileName = rendered.FileName,
                Sha256 = rendered.Sha256, Content = rendered.Content, CreatedAt = clock.GetUtcNow(),
            });
        }
        notifier.Notify(proposal, new Notice(NotificationKind.DocumentsReady,
                $"The exercise plan, memorandum of understanding and approval record of revision {revision} are ready",
                "Download them from the proposal page") { Stage = "Approved", ReleasableOnly = true },
            await db.TakingPartAsync(proposal, cancellationToken), actor: null);
        return true;
    }
}
