using System.Diagnostics;

namespace Bishan.Workflow.Benchmarks.UserPath;

/// <summary>
/// Counts the database commands run while serving HTTP requests: EF Core's commands (its diagnostic events, both
/// providers) and, on PostgreSQL, every command that reaches the server (Npgsql's activities, which include the
/// runtime's hand-written statements; each is one round trip). Commands of background work (Hangfire polling, the
/// outbox worker) run outside a request's activity and are not counted.
/// </summary>
internal sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly ActivityListener _activities;
    private long _ef;
    private long _npgsql;
    private long _efTicks;
    private long _beginTicks;
    private long _commitTicks;

    public StatementCounter()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && InRequest(activity)) Interlocked.Increment(ref _npgsql);
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>When set, the text of every EF Core command of a request is added to it (the profile of one request).</summary>
    public List<string>? Trace { get; set; }

    public (long Ef, long Npgsql) Read() => (Interlocked.Read(ref _ef), Interlocked.Read(ref _npgsql));

    /// <summary>The time EF Core's commands of requests took (their reported durations, summed).</summary>
    public TimeSpan EfTime => TimeSpan.FromTicks(Interlocked.Read(ref _efTicks));

    /// <summary>The time requests' transactions took to begin (on SQLite: to take the write lock) and to commit.</summary>
    public (TimeSpan Begin, TimeSpan Commit) TransactionTime =>
        (TimeSpan.FromTicks(Interlocked.Read(ref _beginTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)));

    private static bool InRequest(Activity? activity)
    {
        for (var a = activity; a is not null; a = a.Parent)
            if (a.OperationName == RequestActivity) return true;
        return false;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore") lock (_listeners) _listeners.Add(value.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData ended && InRequest(Activity.Current))
        {
            if (value.Key == "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionStarted") Interlocked.Add(ref _beginTicks, ended.Duration.Ticks);
            else if (value.Key == "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitted") Interlocked.Add(ref _commitTicks, ended.Duration.Ticks);
        }
        if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted" && InRequest(Activity.Current))
        {
            Interlocked.Increment(ref _ef);
            if (value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
                Interlocked.Add(ref _efTicks, executed.Duration.Ticks);
            if (Trace is { } trace && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData data)
                lock (trace) trace.Add($"-- {data.Duration.TotalMilliseconds:0.00} ms\n" + data.Command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) foreach (var l in _listeners) l.Dispose();
        _activities.Dispose();
    }
}
