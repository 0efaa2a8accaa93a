using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// Runs each command in one database transaction: its changes, their audit entries and the
/// concurrency checks commit together or not at all.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(PlannerDbContext db, AuditScope audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: a concurrent writer got there first.
    private static readonly int[] DuplicateKey = [2067, 1555];

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);

        audit.Action = typeof(TMessage).Name;
        if (message is IActorRequest request) audit.Actor = request.Actor;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("the record was changed by someone else meanwhile; nothing was saved, reload and try again");
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException sqlite && DuplicateKey.Contains(sqlite.SqliteExtendedErrorCode))
        {
            throw new ConflictException($"the change clashes with a record stored meanwhile ({sqlite.Message.Replace("SQLite Error 19: ", "")}); nothing was saved");
        }
    }
}
