using System.Text.Json;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>Reads timer bookmarks and published schedule triggers straight from the workflow tables.</summary>
internal sealed class StoredScheduleSource(IDbContextFactory<BishanDbContext> dbFactory) : IScheduleSource
{
    public async Task<IReadOnlyList<TimerBookmark>> GetTimerBookmarksAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.WorkflowBookmarks.AsNoTracking()
            .Where(b => b.ResumeAtUtc != null && b.BurnedAtUtc == null)
            .Select(b => new { b.Id, b.ResumeAtUtc })
            .ToListAsync(ct);
        return [.. rows.Select(b => new TimerBookmark(b.Id, DateTime.SpecifyKind(b.ResumeAtUtc!.Value, DateTimeKind.Utc)))];
    }

    public async Task<IReadOnlyList<ScheduledTrigger>> GetPublishedTriggersAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Trigger rows exist only for the published version; the schedule itself is the payload written at publish time.
        var payloads = await db.WorkflowTriggers.AsNoTracking()
            .Where(t => t.PayloadJson != null)
            .Select(t => t.PayloadJson!)
            .ToListAsync(ct);
        return [.. payloads.Select(p => JsonSerializer.Deserialize<ScheduledTrigger>(p, WorkflowStateSerializer.Options)).OfType<ScheduledTrigger>()];
    }
}
