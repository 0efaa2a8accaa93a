namespace ExercisePlanner.Core.Common;

/// <summary>A request made by a named user (<c>--as USER</c>); the user is recorded in the audit trail.</summary>
public interface IActorRequest
{
    string Actor { get; }
}

/// <summary>
/// A command with work that needs no lock, such as serialising a large document: <see cref="UnitOfWorkBehaviour{TMessage,TResponse}"/>
/// does it before taking the writer lock, so no other writer waits for it.
/// </summary>
public interface IPreparedRequest
{
    void Prepare();
}

/// <summary>
/// Work a command does before its unit of work takes the writer lock, such as reading and rendering what its handler
/// will store, so that no other writer waits for it. The handler, under the lock, must check that what was prepared
/// still holds. The asynchronous, service-backed form of <see cref="IPreparedRequest"/>.
/// </summary>
public interface IBeforeWriteLock<in TMessage>
{
    Task PrepareAsync(TMessage message, CancellationToken cancellationToken);
}
