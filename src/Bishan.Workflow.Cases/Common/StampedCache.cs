using System.Collections.Concurrent;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Common;

/// <summary>
/// Answers computed over the cases and tasks, kept per key (the caller's scope and the query) together with the
/// <see cref="DataStamp"/> version they were computed at, and reused only while the stored version is still the same: any
/// write to a case or a task on any node moves it on (issue 15). A reader reads the version before the rows (with the
/// caller's account at the start of the request, <see cref="RequestStamps"/>, or just before), so an answer is never older
/// than the version it is kept under; nothing read inside a transaction is kept or reused (it may see that transaction's
/// own writes). One per node (a singleton); bounded by entries and by the list items they hold, it starts afresh when full.
/// </summary>
public sealed class StampedCache
{
    internal const int Capacity = 4_096;

    /// <summary>At most this many list items (a page of 25 weighs 25, a figure 1) before it starts afresh.</summary>
    internal const int WeightCapacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _weight;

    private sealed record Entry(long Version, object Value);

    /// <summary>The stored version of the cases and tasks (one primary-key read).</summary>
    public static async Task<long> VersionAsync(ICasesDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.DataStamps.AsNoTracking().Where(s => s.Id == DataStamp.SingleId).Select(s => s.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The version a read may keep and reuse answers under: the one read with the caller's account at the start of the
    /// request (<paramref name="stamps"/>), else the stored one; none inside a transaction (the rows read there may be that
    /// transaction's own, not yet committed, or never).
    /// </summary>
    public static async Task<long?> KeepVersionAsync(ICasesDbContext db, RequestStamps? stamps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.InTransaction) return null;
        return stamps?.DataVersion ?? await VersionAsync(db, ct);
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

    /// <summary>
    /// Keeps <paramref name="value"/> under <paramref name="key"/> at <paramref name="version"/> (never over a newer one);
    /// <paramref name="weight"/> is the number of list items it holds.
    /// </summary>
    public void Set<T>(string key, long version, T value, int weight = 1) where T : notnull
    {
        if (_entries.Count >= Capacity || Interlocked.Add(ref _weight, Math.Max(1, weight)) > WeightCapacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _weight, Math.Max(1, weight));
        }
        var entry = new Entry(version, value);
        _entries.AddOrUpdate(key, entry, (_, old) => old.Version > version ? old : entry);
    }

    /// <summary>The answer at the stored version: kept, or computed now and kept.</summary>
    public async Task<T> GetOrComputeAsync<T>(ICasesDbContext db, string key, Func<Task<T>> compute, CancellationToken ct) where T : notnull =>
        await GetOrComputeAsync(await KeepVersionAsync(db, null, ct), key, compute);

    /// <summary>
    /// The answer at <paramref name="version"/> (from <see cref="KeepVersionAsync"/>): kept, or computed now and kept;
    /// computed and not kept without a version.
    /// </summary>
    public async Task<T> GetOrComputeAsync<T>(long? version, string key, Func<Task<T>> compute, Func<T, int>? weight = null) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (version is not { } v) return await compute();
        if (TryGet<T>(key, v, out var kept)) return kept;
        var value = await compute();
        Set(key, v, value, weight?.Invoke(value) ?? 1);
        return value;
    }
}
