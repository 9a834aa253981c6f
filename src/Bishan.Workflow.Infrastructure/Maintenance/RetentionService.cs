using System.Text.Json;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Retention;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>
/// Data retention (issue 13 §4): anonymises files whose personal-data period ended (<see cref="RetentionRules.Expired"/>,
/// <see cref="CaseAnonymiser"/>), prunes finished workflow instances with their journals, bookmarks and incidents, and
/// deletes audit entries older than the audit period (never less than three years). Each batch is its own short
/// transaction; each run writes one audit entry with its counts. <see cref="PreviewAsync"/> answers the same questions
/// without changing anything.
/// </summary>
public sealed partial class RetentionService(
    IDbContextFactory<BishanDbContext> dbs,
    RetentionOptions options,
    CaseAnonymiser anonymiser,
    TimeProvider time,
    ILogger<RetentionService> logger) : IDisposable
{
    /// <summary>The dry run lists at most this many file numbers (the count is always whole).</summary>
    public const int PreviewListLimit = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    // Per service (one per host): runs of this process take turns; the nightly job is one per cluster anyway.
    private readonly SemaphoreSlim _oneRun = new(1, 1);

    public async Task<RetentionPreview> PreviewAsync(ICurrentUser user, CancellationToken ct)
    {
        RequireAdministrator(user);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var expired = RetentionRules.Expired(db.Cases.AsNoTracking(), options.PersonalDataCutoff(now));
        var numbers = await expired.OrderBy(c => c.FileNumber).Select(c => c.FileNumber).Take(PreviewListLimit).ToListAsync(ct);
        return new RetentionPreview(
            now,
            options.PersonalDataCutoff(now),
            options.InstanceCutoff(now),
            options.AuditCutoff(now),
            await expired.CountAsync(ct),
            [.. numbers.Select(RetentionRules.MaskFileNumber)],
            await PrunableInstances(db, options.InstanceCutoff(now)).CountAsync(ct),
            await db.AuditEntries.CountAsync(a => a.AtUtc < options.AuditCutoff(now), ct),
            new RetentionSettingsView(options.PersonalDataYearsAfterExit, options.FinishedInstanceDays, options.AuditLogYears, options.Cron),
            await LastRunAsync(db, ct));
    }

    /// <summary>Runs retention now as <paramref name="user"/> (an administrator, or <see cref="SystemActor"/> for the nightly job).</summary>
    /// <exception cref="ConflictException">Another run is under way in this process.</exception>
    public async Task<RetentionRunResult> RunAsync(ICurrentUser user, CancellationToken ct)
    {
        RequireAdministrator(user);
        if (!await _oneRun.WaitAsync(0, ct)) throw new ConflictException(UseCaseStrings.Format("Retention_AlreadyRunning"));
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var anonymised = await AnonymiseAsync(options.PersonalDataCutoff(now), now, ct);
            var (instances, journal) = await PruneInstancesAsync(options.InstanceCutoff(now), ct);
            var audit = await DeleteOldAuditAsync(options.AuditCutoff(now), ct);
            var result = new RetentionRunResult(now, user.UserName, anonymised, instances, journal, audit);

            await using var db = await dbs.CreateDbContextAsync(ct);
            AuditLog.Add(db, user, time, AuditActions.RetentionRun, "Retention", null, JsonSerializer.Serialize(result, Json));
            await db.SaveChangesAsync(ct);
            LogRun(anonymised, instances, journal, audit);
            return result;
        }
        finally
        {
            _oneRun.Release();
        }
    }

    private async Task<int> AnonymiseAsync(DateTime cutoff, DateTime now, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var done = await InTransactionAsync(async db =>
            {
                var batch = await RetentionRules.Expired(db.Cases, cutoff).OrderBy(c => c.Id).Take(options.BatchSize).ToListAsync(ct);
                foreach (var @case in batch) await anonymiser.AnonymiseAsync(db, @case, now, ct);
                return batch.Count;
            }, ct);
            total += done;
            if (done < options.BatchSize) return total;
        }
    }

    private async Task<(int Instances, int Journal)> PruneInstancesAsync(DateTime cutoff, CancellationToken ct)
    {
        var (instances, journal) = (0, 0);
        while (true)
        {
            var (done, rows) = await InTransactionAsync(async db =>
            {
                var ids = await PrunableInstances(db, cutoff).OrderBy(i => i.Id).Select(i => i.Id).Take(options.BatchSize).ToListAsync(ct);
                if (ids.Count == 0) return (0, 0);
                var journalEntries = await DeleteJournalsAsync(db, ids, ct);
                await db.WorkflowIncidents.Where(i => ids.Contains(i.InstanceId)).ExecuteDeleteAsync(ct);
                var pruned = await db.WorkflowInstances.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
                return (pruned, journalEntries);
            }, ct);
            instances += done;
            journal += rows;
            if (done < options.BatchSize) break;
        }
        if (instances > 0) await SweepBookmarksAsync(ct);
        return (instances, journal);
    }

    /// <summary>
    /// Deletes the journals of <paramref name="instanceIds"/> and returns how many events they held (one row holds a pass's
    /// events; the run reports events, as the instance view lists them). The journal has no index by instance (issue 15):
    /// each instance's rows are a chain from its newest row, walked one link per statement for the whole batch, by key.
    /// </summary>
    private static async Task<int> DeleteJournalsAsync(BishanDbContext db, List<string> instanceIds, CancellationToken ct)
    {
        var links = await db.WorkflowInstances.Where(i => instanceIds.Contains(i.Id) && i.LastJournalId != null)
            .Select(i => i.LastJournalId!.Value).ToListAsync(ct);
        var (rows, entries) = (new List<long>(), 0);
        while (links.Count > 0)
        {
            var level = await db.WorkflowJournal.Where(j => links.Contains(j.Id) && instanceIds.Contains(j.InstanceId))
                .Select(j => new { j.Id, j.PreviousId, j.EntryCount }).ToListAsync(ct);
            rows.AddRange(level.Select(j => j.Id));
            entries += level.Sum(j => j.EntryCount);
            links = [.. level.Where(j => j.PreviousId != null).Select(j => j.PreviousId!.Value)];
        }
        foreach (var chunk in rows.Chunk(1_000))
            await db.WorkflowJournal.Where(j => chunk.Contains(j.Id)).ExecuteDeleteAsync(ct);
        return entries;
    }

    /// <summary>
    /// Removes the bookmarks (waiting or burned) of instances that no longer exist, once per run. The table has no index by
    /// instance (issue 15: every resume would write to it), so a delete by instance ids would read the whole table in every
    /// batch; this reads it once, looking each row's instance up by its key. A bookmark row is always written in or after
    /// the transaction that stores its instance, so only pruned instances leave such rows.
    /// </summary>
    private Task<int> SweepBookmarksAsync(CancellationToken ct) =>
        InTransactionAsync(db => db.WorkflowBookmarks.Where(b => !db.WorkflowInstances.Any(i => i.Id == b.InstanceId)).ExecuteDeleteAsync(ct), ct);

    private Task<int> DeleteOldAuditAsync(DateTime cutoff, CancellationToken ct) =>
        InTransactionAsync(db => db.AuditEntries.Where(a => a.AtUtc < cutoff).ExecuteDeleteAsync(ct), ct);

    /// <summary>
    /// Ended instances: completed or cancelled (a faulted one an administrator cancelled, or retried to its end, is one of
    /// these). An instance still Faulted waits for a retry or a cancel and is never pruned, nor is a running one.
    /// </summary>
    private static IQueryable<Persistence.Entities.WorkflowInstanceRecord> PrunableInstances(BishanDbContext db, DateTime cutoff) =>
        db.WorkflowInstances.Where(i => i.Status == WorkflowStatus.Finished
                                        && (i.SubStatus == WorkflowSubStatus.Finished || i.SubStatus == WorkflowSubStatus.Cancelled)
                                        && i.FinishedAtUtc != null && i.FinishedAtUtc < cutoff);

    private async Task<T> InTransactionAsync<T>(Func<BishanDbContext, Task<T>> work, CancellationToken ct) =>
        await TransientRetry.RunAsync(async () =>
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work(db);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }, ct);

    private static async Task<RetentionRunResult?> LastRunAsync(BishanDbContext db, CancellationToken ct)
    {
        var entry = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.RetentionRun)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (entry?.Detail is null) return null;
        try
        {
            return JsonSerializer.Deserialize<RetentionRunResult>(entry.Detail, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static void RequireAdministrator(ICurrentUser user)
    {
        if (!user.IsInRole(Bishan.Workflow.Cases.Vocabulary.Roles.Administrator))
            throw new ForbiddenException(UseCaseStrings.Format("Retention_AdministratorsOnly"));
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention run: {Cases} files anonymised, {Instances} finished instances pruned ({Journal} journal entries), {Audit} audit entries past the audit period deleted")]
    private partial void LogRun(int cases, int instances, int journal, int audit);

    public void Dispose() => _oneRun.Dispose();
}
