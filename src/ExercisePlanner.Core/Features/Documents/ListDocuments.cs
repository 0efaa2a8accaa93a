using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Documents;

/// <summary>The newest stored version of each document of a proposal, with its content.</summary>
public sealed record ListDocuments(string Code) : IQuery<IReadOnlyList<StoredDocument>>;

public sealed class ListDocumentsHandler(PlannerDbContext db) : IQueryHandler<ListDocuments, IReadOnlyList<StoredDocument>>
{
    public async ValueTask<IReadOnlyList<StoredDocument>> Handle(ListDocuments query, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking().Where(d => d.Code == query.Code).ToListAsync(cancellationToken);
        return documents.GroupBy(d => d.Kind).Select(g => g.MaxBy(d => d.Version)!).OrderBy(d => d.Kind).ToList();
    }
}
