using Mediator;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// Commands a unit of work sets in motion that must not run under its writer lock, such as rendering documents:
/// <see cref="UnitOfWorkBehaviour{TMessage,TResponse}"/> sends each, in a unit of work of its own, once the one that
/// deferred it has committed. One per scope. What is deferred must be safe to run twice and be caught up by a sweep
/// (<see cref="Features.Documents.CatchUpDocuments"/>): a process that stops between the commit and the run leaves it undone.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<IBaseCommand> _deferred = [];

    public void Defer<TResponse>(ICommand<TResponse> command) => _deferred.Add(command);

    internal List<IBaseCommand> Take()
    {
        var taken = _deferred.ToList();
        _deferred.Clear();
        return taken;
    }
}
