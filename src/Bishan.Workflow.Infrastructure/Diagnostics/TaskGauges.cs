using System.Data.Common;
using System.Diagnostics.Metrics;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Diagnostics;

/// <summary>
/// Open and overdue tasks as observable gauges on the <see cref="MeterName"/> meter. A scrape reads two counts from
/// the database at most once per <see cref="CacheFor"/> (clock: the injected <see cref="TimeProvider"/>); scrapes in
/// between, and a scrape while the database is down, answer the last counts.
/// </summary>
public sealed class TaskGauges : IDisposable
{
    public const string MeterName = "Bishan.Workflow.Tasks";
    public const string OpenName = "bishan.tasks.open";
    public const string OverdueName = "bishan.tasks.overdue";

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly IDbContextFactory<BishanDbContext> _dbs;
    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private readonly Lock _lock = new();
    private (long Open, long Overdue) _counts;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public TaskGauges(IDbContextFactory<BishanDbContext> dbs, TimeProvider time)
    {
        _dbs = dbs;
        _time = time;
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge(OpenName, () => Read().Open, "{task}", "Tasks waiting for someone (open).");
        _meter.CreateObservableGauge(OverdueName, () => Read().Overdue, "{task}", "Open tasks past their due time.");
    }

    private (long Open, long Overdue) Read()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now - _readAt < CacheFor) return _counts;
            try
            {
                using var db = _dbs.CreateDbContext();
                var open = db.WorkTasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open);
                var utcNow = now.UtcDateTime;
                _counts = (open.LongCount(), open.LongCount(t => t.DueAtUtc != null && t.DueAtUtc < utcNow));
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
            {
                // A scrape must not fail for a database hiccup; the readiness check reports that.
            }
            _readAt = now;
            return _counts;
        }
    }

    public void Dispose() => _meter.Dispose();
}
