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
