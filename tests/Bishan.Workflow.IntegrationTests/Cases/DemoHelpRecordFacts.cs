using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>
/// The demo register has help records up to today, so 跟踪问效 shows a programme at work with a few units behind, rather
/// than every unit in red because nothing happened since the 2023 snapshot (issue 11).
/// </summary>
public sealed class DemoHelpRecordFacts
{
    [Fact]
    public async Task Load_GivesRegisteredFilesHelpUpToToday_WithAFewUnitsBehind()
    {
        await using var host = await CasesHost.StartAsync();
        var loader = new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree);
        await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));
        var now = host.Time.GetUtcNow().UtcDateTime;

        var registered = await host.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Registered)
            .Select(c => new { c.Id, c.OrgUnitId }).ToListAsync());
        var help = await host.QueryAsync(db => db.HelpRecords.AsNoTracking().Select(h => new { h.CaseId, h.OccurredAtUtc }).ToListAsync());
        var last = help.GroupBy(h => h.CaseId).ToDictionary(g => g.Key, g => g.Max(h => h.OccurredAtUtc));

        Assert.All(registered, c => Assert.True(last.ContainsKey(c.Id), $"file {c.Id} has no help record"));
        Assert.All(help, h => Assert.True(h.OccurredAtUtc <= now, "a help record in the future"));
        bool Behind(string caseId) => last[caseId] < now.AddDays(-30);
        var behind = registered.Count(c => Behind(c.Id));
        Assert.InRange(behind * 100 / registered.Count, 5, 40);

        var byUnit = registered.GroupBy(c => c.OrgUnitId).Where(g => g.Count() >= 3).ToList();
        Assert.Contains(byUnit, g => g.Count(c => Behind(c.Id)) * 2 > g.Count());
        Assert.Contains(byUnit, g => g.All(c => !Behind(c.Id)));

        // A second load adds nothing.
        await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));
        Assert.Equal(help.Count, await host.QueryAsync(db => db.HelpRecords.CountAsync()));
    }
}
