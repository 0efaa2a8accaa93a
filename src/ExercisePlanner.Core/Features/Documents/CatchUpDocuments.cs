using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>
/// Stores the documents of every approved revision whose workflow asks for them (<c>generate-documents</c>) and that
/// has none yet: those whose final decision committed but whose documents were not stored (the process stopped, or
/// rendering failed). Each revision in a unit of work of its own; the count stored is returned. Run by the timer sweep.
/// </summary>
public sealed record CatchUpDocuments : IRequest<int>;

public sealed class CatchUpDocumentsHandler(PlannerDbContext db, WorkflowDefinitions workflows, IMediator mediator) : IRequestHandler<CatchUpDocuments, int>
{
    public async ValueTask<int> Handle(CatchUpDocuments request, CancellationToken cancellationToken)
    {
        var approved = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Approved
                && !db.Documents.Any(d => d.Code == i.SubjectKey && d.Revision == i.SubjectRevision))
            .Select(i => new { i.SubjectKey, i.SubjectRevision, i.DefinitionId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var stored = 0;
        foreach (var instance in approved)
        {
            var definition = await workflows.PinnedAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            if (!definition.OnApproved.Contains(WorkflowActions.GenerateDocumentsAction)) continue;
            await mediator.Send(new StoreDocuments(instance.SubjectKey, instance.SubjectRevision), cancellationToken);
            stored++;
        }
        return stored;
    }
}
