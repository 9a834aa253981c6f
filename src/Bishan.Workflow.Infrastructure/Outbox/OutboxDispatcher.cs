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
/// every few seconds for rows left by a crash or a failed attempt (<see cref="DispatchDueAsync"/>, from
/// <see cref="NodeWorker"/>). A row is first claimed for this node (a conditional UPDATE, so two nodes never both claim
/// it), then its work and the row's deletion commit in one unit of work: a workflow started or an event published by a
/// row happens exactly once, and a row whose claim another node took over (after expiry) rolls back. Hangfire calls are
/// outside the database; they are idempotent instead (scheduling a timer that already has a live job does nothing).
/// A failed row is tried again with back-off, at most <see cref="MaxAttempts"/> times at short intervals, then daily.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, NodeIdentity node, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    internal const int MaxAttempts = 10;
    private const int BatchSize = 50;

    public async Task DispatchAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
            await ProcessAsync(id, CancellationToken.None);
        _ = ct;
    }

    /// <summary>Rows due now and not claimed by a live node, oldest first; returns how many were carried out.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        List<string> due;
        var now = time.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BishanDbContext>();
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DueAtUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
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
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "OutboxMessages" SET "LockedBy" = {0}, "LockedUntilUtc" = {1}
            WHERE "Id" = {2} AND ("LockedUntilUtc" IS NULL OR "LockedUntilUtc" < {3})
            """, [node.Id, now + node.LeaseDuration, id, now], ct);
        if (claimed == 0) return false;
        var row = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null) return false;

        try
        {
            await services.GetRequiredService<UnitOfWork>().RunAsync(async c =>
            {
                await HandleAsync(services, row.Kind, JsonNode.Parse(row.PayloadJson)!.AsObject(), c);
                var deleted = await db.Database.ExecuteSqlRawAsync(
                    """DELETE FROM "OutboxMessages" WHERE "Id" = {0} AND "LockedBy" = {1}""", [id, node.Id], c);
                if (deleted == 0) throw new OutboxClaimLostException(id);
                return true;
            }, ct);
            return true;
        }
        catch (OutboxClaimLostException)
        {
            logger.LogInformation("Outbox row {Id} was taken over by another node meanwhile; this node's attempt was rolled back", id);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = row.Attempts + 1;
            var delay = attempts >= MaxAttempts ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
            logger.Log(attempts >= MaxAttempts ? LogLevel.Error : LogLevel.Warning, ex,
                "Outbox row {Id} ({Kind}) failed (attempt {Attempts}); next try in {Delay}", id, row.Kind, attempts, delay);
            await using var retryScope = scopes.CreateAsyncScope();
            var retryDb = retryScope.ServiceProvider.GetRequiredService<BishanDbContext>();
            await retryDb.Database.ExecuteSqlRawAsync(
                """
                UPDATE "OutboxMessages" SET "Attempts" = {0}, "LastError" = {1}, "DueAtUtc" = {2}, "LockedBy" = NULL, "LockedUntilUtc" = NULL
                WHERE "Id" = {3} AND "LockedBy" = {4}
                """, [attempts, Truncate(ex.Message, 2000), time.GetUtcNow().UtcDateTime + delay, id, node.Id], CancellationToken.None);
            return false;
        }
    }

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

    private sealed class OutboxClaimLostException(string id) : Exception($"The claim on outbox row {id} was lost.");
}
