using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Outbox;

/// <summary>
/// Carries out outbox rows: right after the transaction that wrote them commits (<see cref="DispatchAsync"/>, or
/// <see cref="Post"/> for timer rows, which a background pump carries out without the request waiting for them), and
/// every second for rows left by a crash or a failed attempt (<see cref="DispatchDueAsync"/>, from
/// <see cref="NodeWorker"/>). A row is taken with <c>DELETE … RETURNING</c> in a unit of work, its work is done in that
/// same unit of work and both commit together: a workflow started or an event published by a row happens exactly
/// once, and a second dispatcher (this node's poller, another node) finds the row gone or, on PostgreSQL, waits on its
/// row lock and then finds it gone. A node that dies mid-row loses its transaction, so the row is back for the others.
/// Hangfire calls are outside the database; they are idempotent instead (scheduling a timer whose job is still live
/// does nothing). A failed row is tried again with back-off, at most <see cref="MaxAttempts"/> times at short
/// intervals, then daily, with its last error kept.
/// </summary>
/// <remarks>
/// Why timers are posted rather than carried out in the request (issue 15): scheduling or cancelling a Hangfire job
/// takes several Hangfire writes, which were about half of a referral's or a task completion's time, while nothing a
/// user sees depends on them (a task's due-date timer fires days later). The row is committed with the use case, so it
/// is durable before the request answers: if the process stops before the pump gets to it, the poller of this or
/// another node carries it out, and the start-up reconciler schedules every stored timer whose job is missing.
/// Workflow starts and events stay in the request (<see cref="DispatchAsync"/>): what they create is what the user
/// looks at next. Tests that look at the scheduler right after a use case call <see cref="DrainAsync"/> first.
/// </remarks>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxDispatcher> logger) : IDisposable
{
    internal const int MaxAttempts = 10;
    private const int BatchSize = 50;

    /// <summary>Posted rows not yet taken by the pump, oldest first.</summary>
    private readonly ConcurrentQueue<string> _posted = new();
    private readonly Lock _pumpLock = new();
    /// <summary>One pump and one poll at a time in this process, so that <see cref="DrainAsync"/> can wait for both.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task _pump = Task.CompletedTask;
    private bool _pumping;

    /// <summary>
    /// Hands committed timer rows to the background pump and returns at once; the pump carries them out in order, many
    /// in one unit of work. Only for rows whose work is idempotent (timer schedule and unschedule): a batch that fails
    /// half-way is carried out again row by row.
    /// </summary>
    public void Post(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return;
        foreach (var id in ids) _posted.Enqueue(id);
        lock (_pumpLock)
        {
            if (_pumping) return;
            _pumping = true;
            // Not in the request's execution context: the pump outlives it and must not see its unit of work.
            using (ExecutionContext.SuppressFlow())
                _pump = Task.Run(PumpAsync);
        }
    }

    /// <summary>
    /// Waits until every posted row and every due row has been carried out (or has failed and backs off): for tests
    /// that look at the scheduler right after a use case, and for a host that stops.
    /// </summary>
    public async Task DrainAsync(CancellationToken ct = default)
    {
        await WhenPostedDoneAsync(ct);
        await DispatchDueAsync(ct);
    }

    /// <summary>Waits until the pump has carried out (or left to the poller) every row posted so far.</summary>
    public Task WhenPostedDoneAsync(CancellationToken ct = default)
    {
        Task pump;
        lock (_pumpLock) pump = _pump;
        return pump.WaitAsync(ct);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            var batch = new List<string>(BatchSize);
            lock (_pumpLock)
            {
                while (batch.Count < BatchSize && _posted.TryDequeue(out var id)) batch.Add(id);
                if (batch.Count == 0)
                {
                    _pumping = false;
                    return;
                }
            }
            try
            {
                await _gate.WaitAsync();
                try
                {
                    await ProcessBatchAsync(batch);
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (Exception ex)
            {
                // The rows are committed: the poller (this node's or another's) carries them out.
                LogPostedRowsLeft(logger, ex, batch.Count);
            }
        }
    }

    /// <summary>
    /// Posted timer rows, many at a time, without holding a transaction while Hangfire is called: the rows are leased
    /// (their due time moved <see cref="Lease"/> ahead in one short statement, so no poller takes them meanwhile), carried
    /// out in the order they were posted, then deleted. Their work is outside this database anyway (Hangfire's storage),
    /// and idempotent. Holding the write transaction across those calls made every request wait for SQLite's single write
    /// lock while the pump talked to Hangfire (issue 15). A node that dies mid-batch leaves leased rows that fall due again
    /// when the lease ends; when a row fails, the batch's rows are made due again and each is tried alone.
    /// </summary>
    private async Task ProcessBatchAsync(List<string> ids)
    {
        if (await TryLeasedBatchAsync(ids)) return;
        foreach (var id in ids)
            await ProcessAsync(id, CancellationToken.None);
    }

    /// <summary>The leased batch of <see cref="ProcessBatchAsync"/>; false when its rows are left for the row-by-row path.</summary>
    private async Task<bool> TryLeasedBatchAsync(List<string> ids)
    {
        List<TakenBatchRow>? leased = null;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BishanDbContext>();
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            object[] lease = [now + Lease, now, .. ids];
            // Only numbered placeholders are put together here; every value is a parameter.
            var leaseSql = "UPDATE \"OutboxMessages\" SET \"DueAtUtc\" = @p0 WHERE \"Id\" IN (" + Placeholders(ids.Count, 2, named: true)
                           + ") AND \"DueAtUtc\" <= @p1 RETURNING \"Id\", \"Kind\", \"PayloadJson\", \"Attempts\"";
            leased = await LeaseAsync(db, leaseSql, lease);
            if (leased.Count == 0) return true;
            if (leased.TrueForAll(r => r.Kind is OutboxIntent.ScheduleTimer or OutboxIntent.UnscheduleTimer))
            {
                // In the order they were posted (a timer scheduled before it is cancelled).
                foreach (var row in leased.OrderBy(r => ids.IndexOf(r.Id)))
                    await HandleAsync(services, row.Kind, JsonNode.Parse(row.PayloadJson)!.AsObject(), CancellationToken.None);
                var taken = leased.ConvertAll(r => (object)r.Id);
                var deleteSql = "DELETE FROM \"OutboxMessages\" WHERE \"Id\" IN (" + Placeholders(taken.Count, 0) + ")";
                await db.Database.ExecuteSqlRawAsync(deleteSql, taken);
                return true;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchFailed(logger, ex, ids.Count);
        }
        if (leased is { Count: > 0 })
        {
            // Due again at once, for the row-by-row path (or, if this fails too, for the poller after the lease).
            object[] again = [time.GetUtcNow().UtcDateTime, .. leased.Select(r => r.Id)];
            var dueSql = "UPDATE \"OutboxMessages\" SET \"DueAtUtc\" = {0} WHERE \"Id\" IN (" + Placeholders(leased.Count, 1) + ")";
            await db.Database.ExecuteSqlRawAsync(dueSql, again);
        }
        return false;
    }

    /// <summary>How long the pump holds posted rows it is carrying out before a poller may take them (a node died).</summary>
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Runs the lease statement as a plain command: EF Core would build a query for the ad-hoc row type on every call
    /// (most of the pump's time besides Hangfire's, once per referral).
    /// </summary>
    private static async Task<List<TakenBatchRow>> LeaseAsync(BishanDbContext db, string sql, object[] values)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = values[i];
                command.Parameters.Add(parameter);
            }
            var rows = new List<TakenBatchRow>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(new TakenBatchRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// <c>{first}, {first+1}, …</c> (EF Core's raw SQL), or <c>@p{first}, @p{first+1}, …</c> when <paramref name="named"/>
    /// (a plain command): <paramref name="count"/> parameter placeholders for a list.
    /// </summary>
    private static string Placeholders(int count, int first, bool named = false) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => named
            ? "@p" + i.ToString(CultureInfo.InvariantCulture)
            : "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));

    /// <summary>
    /// Carries out the rows a transaction that has just committed wrote. Not cancellable: the caller's request may be
    /// cancelled once its own work has committed, and what it asked for is still done.
    /// </summary>
    public async Task DispatchAsync(IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
            await ProcessAsync(id, CancellationToken.None);
    }

    /// <summary>Rows due now, oldest first; returns how many were carried out.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await DispatchDueUngatedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> DispatchDueUngatedAsync(CancellationToken ct)
    {
        List<string> due;
        var now = time.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DueAtUtc <= now)
                .OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        }
        var done = 0;
        foreach (var id in due)
            if (await ProcessAsync(id, ct)) done++;
        return done;
    }

    private async Task<bool> ProcessAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BishanDbContext>();
        TakenRow? taken = null;
        try
        {
            return await services.GetRequiredService<UnitOfWork>().RunAsync(async c =>
            {
                var rows = await db.Database.SqlQueryRaw<TakenRow>(
                        """DELETE FROM "OutboxMessages" WHERE "Id" = {0} AND "DueAtUtc" <= {1} RETURNING "Kind", "PayloadJson", "Attempts" """,
                        id, time.GetUtcNow().UtcDateTime)
                    .ToListAsync(c);
                if (rows.Count == 0) return false;
                taken = rows[0];
                await HandleAsync(services, taken.Kind, JsonNode.Parse(taken.PayloadJson)!.AsObject(), c);
                return true;
            }, ct);
        }
        catch (Exception ex) when (taken is not null && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            // The unit of work rolled back: the row is there again; say when to try next.
            var attempts = taken.Attempts + 1;
            var delay = attempts >= MaxAttempts ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
            LogRowFailed(logger, attempts >= MaxAttempts ? LogLevel.Error : LogLevel.Warning, ex, id, taken.Kind, attempts, delay);
            db.ChangeTracker.Clear();
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "OutboxMessages" SET "Attempts" = {0}, "LastError" = {1}, "DueAtUtc" = {2} WHERE "Id" = {3}""",
                [attempts, Truncate(ex.Message, 2000), time.GetUtcNow().UtcDateTime + delay, id], CancellationToken.None);
            return false;
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>What <c>DELETE … RETURNING</c> gives back of a taken row.</summary>
    private sealed record TakenRow(string Kind, string PayloadJson, int Attempts);

    /// <summary>What <c>DELETE … RETURNING</c> gives back of each row of a posted batch.</summary>
    private sealed record TakenBatchRow(string Id, string Kind, string PayloadJson, int Attempts);

    private static async Task HandleAsync(IServiceProvider services, string kind, JsonObject payload, CancellationToken ct)
    {
        switch (kind)
        {
            case OutboxIntent.ScheduleTimer:
                services.GetRequiredService<IWorkflowScheduler>().ScheduleBookmark(
                    Text(payload, "bookmarkId"), payload["resumeAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
                break;
            case OutboxIntent.UnscheduleTimer:
                services.GetRequiredService<IWorkflowScheduler>().UnscheduleBookmark(Text(payload, "bookmarkId"));
                break;
            case OutboxIntent.StartWorkflow:
                var input = payload["input"]?.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone());
                await services.GetRequiredService<IWorkflowRuntime>().StartAsync(Text(payload, "definitionId"), input,
                    payload["correlationId"]?.GetValue<string>(), ct);
                break;
            case OutboxIntent.PublishEvent:
                await services.GetRequiredService<IWorkflowRuntime>().TriggerEventAsync(Text(payload, "eventName"),
                    payload["correlationId"]?.GetValue<string>(), null, payload["input"]?.DeepClone(), ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox kind '{kind}'.");
        }
    }

    private static string Text(JsonObject payload, string name) =>
        payload[name]?.GetValue<string>() ?? throw new JsonException($"The outbox payload has no '{name}'.");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} posted outbox rows failed; carrying them out one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} posted outbox rows were left to the poller")]
    private static partial void LogPostedRowsLeft(ILogger logger, Exception exception, int count);

    [LoggerMessage(Message = "Outbox row {Id} ({Kind}) failed (attempt {Attempts}); next try in {Delay}")]
    private static partial void LogRowFailed(ILogger logger, LogLevel level, Exception exception, string id, string kind, int attempts, TimeSpan delay);
}
