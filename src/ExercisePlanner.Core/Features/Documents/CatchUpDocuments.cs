using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>
/// Stores the documents of every revision in force that its deciders approved, whose workflow asks for them
/// (<c>generate-documents</c>) and that has none yet: the final decision committed but its documents were not stored
/// (the process stopped, or rendering failed). Each revision in a unit of work and scope of its own, so one that keeps
/// failing holds up no other; returns how many were stored. Run by the timer sweep and <c>timers run</c>.
/// </summary>
public sealed record CatchUpDocuments : IRequest<int>;

public sealed class CatchUpDocumentsHandler(PlannerDbContext db, WorkflowDefinitions workflows, IsolatedSender sender, ILogger<CatchUpDocuments>? logger = null)
    : IRequestHandler<CatchUpDocuments, int>
{
    public async ValueTask<int> Handle(CatchUpDocuments request, CancellationToken cancellationToken)
    {
        // Not a revision since replaced by an amendment, and not an approval nobody decided (every stage skipped at
        // submission), which never stored documents.
        var approved = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Approved && i.Steps.Any()
                && db.Proposals.Any(p => p.Code == i.SubjectKey && p.InForceRevision == i.SubjectRevision)
                && !db.Documents.Any(d => d.Code == i.SubjectKey && d.Revision == i.SubjectRevision))
            .OrderBy(i => i.Id)
            .Select(i => new { i.SubjectKey, i.SubjectRevision, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var stored = 0;
        foreach (var instance in approved)
        {
            var definition = await workflows.PinnedAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            if (!definition.OnApproved.Contains(WorkflowActions.GenerateDocumentsAction)) continue;
            try
            {
                if (await sender.Send(new StoreDocuments(instance.SubjectKey, instance.SubjectRevision), cancellationToken)) stored++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger?.LogError(ex, "The documents of {Code} revision {Revision} could not be stored; the next sweep tries again", instance.SubjectKey, instance.SubjectRevision);
            }
        }
        return stored;
    }
}
