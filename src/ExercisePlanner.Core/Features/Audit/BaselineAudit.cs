using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Mediator;

namespace ExercisePlanner.Core.Features.Audit;

/// <summary>
/// An administrator enters the planner's records the audit trail has never seen as found, once, after upgrading a
/// database from before their tables were audited: from then on <c>audit verify</c> compares every table.
/// </summary>
public sealed record BaselineAudit(string Actor) : ICommand<int>, IActorRequest;

public sealed class BaselineAuditHandler(PlannerDbContext db, PlannerAuditedTables tables, AuditScope scope) : ICommandHandler<BaselineAudit, int>
{
    public async ValueTask<int> Handle(BaselineAudit command, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(command.Actor, cancellationToken);
        return await tables.BaselineAsync(scope, cancellationToken);
    }
}
