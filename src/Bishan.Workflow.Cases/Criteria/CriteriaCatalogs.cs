using System.Collections.Concurrent;
using Bishan.Workflow.Cases.ExitCriteria;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Criteria;

/// <summary>
/// The versioned entry and exit criteria catalogues in the database. Version 1 of an action's list is the default
/// (the exit checklist from configuration, <see cref="ExitCriteriaCatalog"/>, or <see cref="EntryCriteriaDefaults"/>),
/// stored the first time the list is needed; administrators publish later versions.
/// </summary>
public sealed class CriteriaCatalogs(ExitCriteriaCatalog exitCriteria)
{
    /// <summary>The default list (version 1) of an action.</summary>
    public IReadOnlyList<CriterionItem> Defaults(CriteriaKind kind, FiveAction action) => kind == CriteriaKind.Exit
        ? exitCriteria.For(action).Select(c => new CriterionItem(c.Id, c.TextZh, c.TextEn, c.Required)).ToList()
        : EntryCriteriaDefaults.All[action];

    /// <summary>The current (highest-numbered) version of an action's list; stores the default as version 1 when there is none yet.</summary>
    public async Task<CriteriaVersion> CurrentAsync(ICasesDbContext db, CriteriaKind kind, FiveAction action, DateTime nowUtc, CancellationToken ct)
    {
        var pending = db.CriteriaVersions.Local.Where(v => v.Kind == kind && v.Action == action).MaxBy(v => v.Number);
        if (pending is not null) return pending;
        var stored = await db.CriteriaVersions.Where(v => v.Kind == kind && v.Action == action)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (stored is not null) return stored;
        var seeded = DefaultVersion(kind, action, nowUtc);
        db.CriteriaVersions.Add(seeded);
        return seeded;
    }

    /// <summary>The default list as an unsaved version 1.</summary>
    public CriteriaVersion DefaultVersion(CriteriaKind kind, FiveAction action, DateTime nowUtc) => new()
    {
        Kind = kind, Action = action, Number = 1, ItemsJson = CriteriaJson.Serialize(Defaults(kind, action)), PublishedAtUtc = nowUtc,
        Note = "默认版本（出入库评估细则）",
    };

    /// <summary>The current version of an action's list as a task form offers it.</summary>
    public async Task<CriteriaSet> CurrentSetAsync(ICasesDbContext db, CriteriaKind kind, FiveAction action, DateTime nowUtc, CancellationToken ct)
    {
        var version = await CurrentAsync(db, kind, action, nowUtc, ct);
        return new CriteriaSet(kind, action, version.Id, version.Number, CriteriaJson.Deserialize(version.ItemsJson));
    }

    /// <summary>
    /// The current version of several actions' lists in one read (a screening form offers every action's entry
    /// criteria): the same answer as <see cref="CurrentSetAsync"/> for each action, in the order of <paramref name="actions"/>.
    /// </summary>
    public async Task<IReadOnlyList<CriteriaSet>> CurrentSetsAsync(ICasesDbContext db, CriteriaKind kind, IReadOnlyList<FiveAction> actions,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actions);
        // Versions this context already holds (seeded or read earlier in the pass) win, as in CurrentAsync.
        var held = new Dictionary<FiveAction, CriteriaSet>();
        foreach (var action in actions)
            if (db.CriteriaVersions.Local.Where(v => v.Kind == kind && v.Action == action).MaxBy(v => v.Number) is { } local)
                held[action] = new CriteriaSet(kind, action, local.Id, local.Number, Items(local.ItemsJson));
        var missing = actions.Where(a => !held.ContainsKey(a)).ToList();
        // Only each action's highest version is read: the list of versions grows with every publish, the answer does not.
        // Read untracked: a screening form is opened with every referral, and a version's items never change once
        // published, so their parsed form is kept per stored text (a new version is new text).
        if (missing.Count > 0)
        {
            var latest = await db.CriteriaVersions.AsNoTracking()
                .Where(v => v.Kind == kind && missing.Contains(v.Action)
                            && v.Number == db.CriteriaVersions.Where(o => o.Kind == kind && o.Action == v.Action).Max(o => o.Number))
                .Select(v => new { v.Action, v.Id, v.Number, v.ItemsJson })
                .ToListAsync(ct);
            foreach (var v in latest)
                held[v.Action] = new CriteriaSet(kind, v.Action, v.Id, v.Number, Items(v.ItemsJson));
        }
        var sets = new List<CriteriaSet>(actions.Count);
        foreach (var action in actions)
        {
            if (!held.TryGetValue(action, out var set))
            {
                var version = DefaultVersion(kind, action, nowUtc);
                db.CriteriaVersions.Add(version);
                set = new CriteriaSet(kind, action, version.Id, version.Number, Items(version.ItemsJson));
            }
            sets.Add(set);
        }
        return sets;
    }

    private readonly ConcurrentDictionary<string, IReadOnlyList<CriterionItem>> _parsed = new(StringComparer.Ordinal);

    /// <summary>A version's items from its stored text, parsed once per text (a handful of versions per action).</summary>
    private IReadOnlyList<CriterionItem> Items(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        if (_parsed.TryGetValue(json, out var items)) return items;
        items = CriteriaJson.Deserialize(json);
        // Bounded: versions are published by hand, but a long-running node should not keep every text it ever saw.
        if (_parsed.Count >= MaxParsedVersions) _parsed.Clear();
        _parsed[json] = items;
        return items;
    }

    private const int MaxParsedVersions = 512;

    /// <summary>The id of a version offered before it was saved (version 1 stored in the same pass).</summary>
    public static async Task<long?> ResolveIdAsync(ICasesDbContext db, CriteriaSet set, CancellationToken ct)
    {
        if (set.VersionId > 0) return set.VersionId;
        var local = db.CriteriaVersions.Local.FirstOrDefault(v => v.Kind == set.Kind && v.Action == set.Action && v.Number == set.Version);
        if (local is not null && local.Id > 0) return local.Id;
        var stored = await db.CriteriaVersions.Where(v => v.Kind == set.Kind && v.Action == set.Action && v.Number == set.Version)
            .Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);
        return stored;
    }
}
