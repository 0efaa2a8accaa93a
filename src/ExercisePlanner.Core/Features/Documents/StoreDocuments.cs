using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>
/// The <c>generate-documents</c> workflow action: renders the plan, memorandum and approval record of the
/// approved revision and stores them with a version and SHA-256, in the transaction of the final decision.
/// </summary>
public sealed record StoreDocuments(string Code) : ICommand;

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

public sealed class StoreDocumentsHandler(PlannerDbContext db, IDocumentRenderer renderer, Notifier notifier, TimeProvider clock) : ICommandHandler<StoreDocuments>
{
    public async ValueTask<Unit> Handle(StoreDocuments command, CancellationToken cancellationToken)
    {
        // Flush the final decision first, so the documents show it.
        await db.SaveChangesAsync(cancellationToken);
        var (proposal, _) = await db.ViewProposalAsync(command.Code, viewerName: null, cancellationToken);
        var model = await DocumentModels.BuildAsync(db, proposal, null, cancellationToken);
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var rendered = DocumentModels.Render(renderer, kind, model);
            var version = await db.Documents.CountAsync(d => d.Code == command.Code && d.Kind == kind, cancellationToken) + 1;
            db.Documents.Add(new StoredDocument
            {
                Code = command.Code, Revision = model.Revision, Kind = kind, Version = version, FileName = rendered.FileName,
                Sha256 = rendered.Sha256, Content = rendered.Content, CreatedAt = clock.GetUtcNow(),
            });
        }
        notifier.Notify(proposal, new Notice(NotificationKind.DocumentsReady,
                $"The exercise plan, memorandum of understanding and approval record of revision {model.Revision} are ready",
                "Download them from the proposal page") { Stage = "Approved", ReleasableOnly = true },
            await db.TakingPartAsync(proposal, cancellationToken), actor: null);
        return Unit.Value;
    }
}
