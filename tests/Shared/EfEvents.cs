using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Testing;

/// <summary>
/// EF Core's diagnostic events (statements, transactions, saves) raised by the work passed to <see cref="Watch"/>
/// and what it awaits, and only those: other requests running meanwhile are not mixed in.
/// </summary>
public sealed class EfEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly AsyncLocal<Action<string, object?>?> _current = new();
    private readonly List<IDisposable> _subscriptions = [];

    // Null: every event. A listener that asks for every event makes EF build one for each tracked record and
    // property too, work a measurement should not add to what it measures.
    private readonly IReadOnlySet<string>? _names;

    /// <summary>Watches the named events only, or all of them.</summary>
    public EfEvents(IEnumerable<string>? names = null)
    {
        _names = names?.ToHashSet();
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Runs <paramref name="work"/>, passing each event it causes (name, payload) to <paramref name="onEvent"/>.</summary>
    public async Task<T> Watch<T>(Action<string, object?> onEvent, Func<Task<T>> work)
    {
        _current.Value = onEvent;
        try { return await work(); }
        finally { _current.Value = null; }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_subscriptions) _subscriptions.Add(_names is null ? listener.Subscribe(this) : listener.Subscribe(this, _names.Contains));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> @event) => _current.Value?.Invoke(@event.Key, @event.Value);

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
