using System.Diagnostics;
using ExercisePlanner.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Where a request's time under the writer lock goes, from EF Core's own diagnostic events (no code in the
/// product): the handler (its queries, its domain work, and what it writes past the change tracker: audit entries,
/// notifications, a submission's steps), EF's save of the tracked records (SQL built and run) and the commit (WAL
/// write and fsync). Statements counted are EF's; rows written past the tracker are not among them.
/// </summary>
public sealed class LockPhases : IDisposable
{
    private static readonly string[] Names = ["handler", "save", "commit"];

    private readonly EfEvents _events = new(new[]
    {
        RelationalEventId.TransactionStarted, RelationalEventId.TransactionCommitting, RelationalEventId.TransactionCommitted,
        RelationalEventId.TransactionRolledBack, CoreEventId.SaveChangesStarting, CoreEventId.SaveChangesCompleted, RelationalEventId.CommandExecuting,
    }.Select(e => e.Name!));
    private readonly Dictionary<string, List<Run>> _runs = [];

    /// <summary>Times the phases of what <paramref name="request"/> sends, under <paramref name="kind"/>.</summary>
    public async Task<T> Measure<T>(string kind, Func<Task<T>> request)
    {
        var run = new Run();
        try { return await _events.Watch(run.On, request); }
        finally
        {
            run.Switch(null);
            lock (_runs) (_runs.TryGetValue(kind, out var list) ? list : _runs[kind] = []).Add(run);
        }
    }

    /// <summary>One line per kind: mean milliseconds per phase, processor time and statements under the lock; and the slowest run's phases.</summary>
    public IEnumerable<string> Report(string provider)
    {
        lock (_runs)
            foreach (var (kind, runs) in _runs)
            {
                string Phases(Func<string, double> ms) => string.Join(", ", Names.Select(n => $"{n} {ms(n):0.0}"));
                var slowest = runs.MaxBy(r => r.Held)!;
                yield return $"  phases on {provider}, {kind} ({runs.Count}): mean ms {Phases(n => runs.Average(r => r.Ms(n)))} (processor {runs.Average(r => r.Cpu):0.0}, collector pauses {runs.Average(r => r.Paused):0.0}); "
                    + $"{runs.Average(r => r.Statements):0} EF statements, {runs.Average(r => r.Saves):0.#} saves; slowest {slowest.Held:0.0} ms: {Phases(slowest.Ms)}, collector pauses {slowest.Paused:0.0}";
            }
    }

    public void Dispose() => _events.Dispose();

    private sealed class Run
    {
        private readonly Dictionary<string, double> _ms = [];
        private long _since;
        private TimeSpan _cpuSince;
        private TimeSpan _pausedSince;
        private string? _phase;
        public int Statements { get; private set; }
        public int Saves { get; private set; }
        public double Held => _ms.Values.Sum();
        /// <summary>Processor time of the whole process while the lock was held: the work done, however busy the machine.</summary>
        public double Cpu { get; private set; }
        /// <summary>How long the garbage collector paused the process while the lock was held.</summary>
        public double Paused { get; private set; }
        public double Ms(string phase) => _ms.GetValueOrDefault(phase);

        public void On(string name, object? payload)
        {
            if (name == RelationalEventId.TransactionStarted.Name) Switch("handler");
            else if (name == RelationalEventId.TransactionCommitting.Name) Switch("commit");
            else if (name == RelationalEventId.TransactionCommitted.Name || name == RelationalEventId.TransactionRolledBack.Name) Switch(null);
            else if (name == CoreEventId.SaveChangesStarting.Name) { Switch("save"); Saves++; }
            else if (name == CoreEventId.SaveChangesCompleted.Name) Switch("handler");
            else if (name == RelationalEventId.CommandExecuting.Name && _phase is not null) Statements++;
        }

        public void Switch(string? phase)
        {
            var now = Stopwatch.GetTimestamp();
            if (_phase is null && phase is not null) (_cpuSince, _pausedSince) = (Environment.CpuUsage.TotalTime, GC.GetTotalPauseDuration());
            if (_phase is not null && phase is null)
            {
                Cpu += (Environment.CpuUsage.TotalTime - _cpuSince).TotalMilliseconds;
                Paused += (GC.GetTotalPauseDuration() - _pausedSince).TotalMilliseconds;
            }
            if (_phase is not null) _ms[_phase] = Ms(_phase) + Stopwatch.GetElapsedTime(_since, now).TotalMilliseconds;
            (_phase, _since) = (phase, now);
        }
    }
}
