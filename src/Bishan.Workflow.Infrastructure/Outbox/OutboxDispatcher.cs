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
/// Carries out outbox rows: right after the transaction that wrote them commits (<see cref="DispatchAsync"/>), and
/// every second for rows left by a crash or a failed attempt (<see cref="DispatchDueAsync"/>, from
/// <see cref="NodeWorker"/>). A row is taken with <c>DELETE … RETURNING</c> in a unit of work, its work is done in that
/// same unit of work and both commit together: a workflow started or an event published by a row happens exactly
/// once, and a second dispatcher (this node's poller, another node) finds the row gone or, on PostgreSQL, waits on its
/// row lock and then finds it gone. A node that dies mid-row loses its transaction, so the row is back for the others.
/// Hangfire calls are outside the database; they are idempotent instead (scheduling a timer whose job is still live
/// does nothing). A failed row is tried again with back-off, at most <see cref="MaxAttempts"/> times at short
/// intervals, then daily, with its last error kept.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    internal const int MaxAttempts = 10;
    private const int BatchSize = 50;

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

    /// <summary>What <c>DELETE … RETURNING</c> gives back of a taken row.</summary>
    private sealed record TakenRow(string Kind, string PayloadJson, int Attempts);

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

    [LoggerMessage(Message = "Outbox row {Id} ({Kind}) failed (attempt {Attempts}); next try in {Delay}")]
    private static partial void LogRowFailed(ILogger logger, LogLevel level, Exception exception, string id, string kind, int attempts, TimeSpan delay);
}
