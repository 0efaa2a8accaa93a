using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// Runs each command in one database transaction: its changes, their audit entries and the
/// concurrency checks commit together or not at all.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(PlannerDbContext db, AuditScope audit, AfterCommit afterCommit,
    IEnumerable<IBeforeWriteLock<TMessage>> preparations, IMediator mediator, ILogger<AfterCommit>? logger = null)
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
        if (message is IPreparedRequest prepared) prepared.Prepare();
        foreach (var preparation in preparations) await preparation.PrepareAsync(message, cancellationToken);
        TResponse response;
        var committed = false;
        try
        {
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            response = await next(message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            committed = true;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("the record was changed by someone else meanwhile; nothing was saved, reload and try again");
        }
        catch (DbUpdateException ex) when (Clash(ex) is { } clash)
        {
            throw new ConflictException($"the change clashes with a record stored meanwhile ({clash}); nothing was saved");
        }
        finally
        {
            // Nothing of a unit of work that did not commit may reach a later one in the same scope.
            if (!committed)
            {
                afterCommit.Take();
                db.DiscardAppended();
            }
        }
        await RunDeferredAsync();
        return response;
    }

    /// <summary>
    /// What the committed unit of work set in motion. It stands whatever happens here: a failure is logged and left to
    /// the sweep that catches up, not reported to whoever made the change.
    /// </summary>
    private async Task RunDeferredAsync()
    {
        foreach (var command in afterCommit.Take())
        {
            // Not cancelled with the request: the change it follows is saved, and the work is worth finishing.
            try { await mediator.Send(command, CancellationToken.None); }
            catch (Exception ex)
            {
                logger?.LogError(ex, "{Command} failed after the change that asked for it was saved; the next sweep runs it again", command.GetType().Name);
            }
        }
    }

    /// <summary>What a unique or primary key violation says, on either provider; null for other failures.</summary>
    private static string? Clash(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite when DuplicateKey.Contains(sqlite.SqliteExtendedErrorCode) => sqlite.Message.Replace("SQLite Error 19: ", ""),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres => postgres.MessageText,
        _ => null,
    };
}
