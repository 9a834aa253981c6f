using System.Collections.Concurrent;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Common;

/// <summary>
/// Answers computed over the cases and tasks, kept per key (the caller's scope and the query) together with the
/// <see cref="DataStamp"/> version they were computed at, and reused only while the stored version is still the same: any
/// write to a case or a task on any node moves it on (issue 15). A reader reads the version before the rows, so an answer
/// is never older than the version it is kept under; nothing read inside a transaction is kept or reused (it may see that
/// transaction's own writes). One per node (a singleton); bounded, it starts afresh when full.
/// </summary>
public sealed class StampedCache
{
    internal const int Capacity = 4_096;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(long Version, object Value);

    /// <summary>The stored version of the cases and tasks (one primary-key read).</summary>
    public static async Task<long> VersionAsync(ICasesDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.DataStamps.AsNoTracking().Where(s => s.Id == DataStamp.SingleId).Select(s => s.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>The answer kept under <paramref name="key"/> at <paramref name="version"/>, if any.</summary>
    public bool TryGet<T>(string key, long version, out T value) where T : notnull
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && entry.Value is T found)
        {
            value = found;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> at <paramref name="version"/> (never over a newer one).</summary>
    public void Set<T>(string key, long version, T value) where T : notnull
    {
        if (_entries.Count >= Capacity) _entries.Clear();
        var entry = new Entry(version, value);
        _entries.AddOrUpdate(key, entry, (_, old) => old.Version > version ? old : entry);
    }

    /// <summary>The answer at the stored version: kept, or computed now and kept.</summary>
    public async Task<T> GetOrComputeAsync<T>(ICasesDbContext db, string key, Func<Task<T>> compute, CancellationToken ct) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(db);
        // Inside a transaction the rows read may be this transaction's own, not yet committed (or never): neither reuse
        // nor keep.
        if (db.InTransaction) return await compute();
        var version = await VersionAsync(db, ct);
        if (TryGet<T>(key, version, out var kept)) return kept;
        var value = await compute();
        Set(key, version, value);
        return value;
    }
}
