using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>The demo register reproduces the source's figures exactly and loads once (issue 3, section 5).</summary>
public sealed class DemoDataFacts
{
    [Fact]
    public async Task Load_ReproducesTheSourceFigures_WithLiveWorkAndAPastMeeting()
    {
        await using var host = await CasesHost.StartAsync("case-intake", "tiered-escalation", "subsidy-approval");
        var loader = new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree);

        var loaded = await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));
        await host.QueryAsync(db => DemoWorkflows.StartAsync(host.Runtime, db, loaded, CancellationToken.None));

        Assert.True(loaded.Loaded);
        var figures = await host.QueryAsync(db => RegisterFigures.ComputeAsync(db.Cases, db.WorkTasks, host.Time.GetUtcNow().UtcDateTime, CancellationToken.None));
        Assert.Equal((476, 211, 265), (figures.RegisteredTotal, figures.ExitedTotal, figures.InRegister));
        Assert.Equal([52, 4, 36, 73, 311], Enum.GetValues<FiveAction>().Select(a => figures.ByAction[a]));
        Assert.Equal(OrgUnitIds.Areas.Order(), figures.ByArea.Keys.Order());
        Assert.Equal(3, figures.PendingApprovals);

        var escalations = await host.QueryAsync(db => db.WorkTasks.Where(t => t.Kind == "Approval:Escalation" && t.Status == WorkTaskStatus.Open).ToListAsync());
        Assert.Equal(3, escalations.Count);
        Assert.All(escalations, t => Assert.NotNull(t.AssigneeUserId));
        Assert.Contains(escalations, t => t.TargetTier == Tier.Severe && t.AssigneeUserId == host.Users["supervisor-taskforce"]);
        var screenings = await host.QueryAsync(db => db.WorkTasks.Where(t => t.Title == "个案筛查" && t.Status == WorkTaskStatus.Open).ToListAsync());
        Assert.Equal(new[] { host.Users["caseworker"], host.Users["caseworker2"] }.Order(), screenings.Select(t => t.AssigneeUserId!).Order());

        var meeting = await host.QueryAsync(db => db.Meetings.Include(m => m.AgendaItems).Include(m => m.Decisions).SingleAsync());
        Assert.Equal((MeetingKind.Weekly, MeetingStatus.Held), (meeting.Kind, meeting.Status));
        Assert.NotEmpty(meeting.AgendaItems);
        Assert.False(string.IsNullOrWhiteSpace(meeting.Minutes));
        Assert.Equal(2, meeting.Decisions.Count(d => d.TaskId is not null));

        // A handful of family subsidies: settled ones spread over areas and actions, whose approved amounts are the spending
        // of the line "帮扶家庭补助", and one fresh request sent back to caseworker2 for an amendment (not a pending approval).
        var subsidies = await host.QueryAsync(db => db.Subsidies.AsNoTracking().ToListAsync());
        var subsidyCases = await host.QueryAsync(db => db.Cases.AsNoTracking().Where(c => db.Subsidies.Any(s => s.CaseId == c.Id)).ToDictionaryAsync(c => c.Id));
        Assert.Equal([(SubsidyStatus.Requested, 1), (SubsidyStatus.Approved, 1), (SubsidyStatus.Rejected, 1), (SubsidyStatus.Paid, 3)],
            subsidies.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        Assert.True(subsidies.Select(s => subsidyCases[s.CaseId].AreaId).Distinct().Count() >= 3);
        Assert.Equal(5, subsidies.Select(s => subsidyCases[s.CaseId].PrimaryAction).Distinct().Count());
        Assert.All(subsidies, s => Assert.Equal(0m, s.Amount % 100m));
        Assert.All(subsidies.Where(s => s.Status != SubsidyStatus.Requested), s => Assert.True(s.DecidedAtUtc < host.Time.GetUtcNow().UtcDateTime));
        var line = await host.QueryAsync(db => db.BudgetLines.AsNoTracking().SingleAsync(l => l.Name == "帮扶家庭补助"));
        var spent = await host.QueryAsync(db => db.Expenditures.AsNoTracking().Where(x => x.BudgetLineId == line.Id).ToListAsync());
        Assert.Equal(subsidies.Where(s => s.Status is SubsidyStatus.Approved or SubsidyStatus.Paid).Select(s => (s.Id, s.Amount)).Order(),
            spent.Select(x => (x.SubsidyId!.Value, x.Amount)).Order());
        Assert.Equal(4_100m, spent.Sum(x => x.Amount));
        var fresh = Assert.Single(subsidies, s => s.Status == SubsidyStatus.Requested);
        Assert.NotNull(fresh.InstanceId);
        var amend = await host.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.InstanceId == fresh.InstanceId && t.Status == WorkTaskStatus.Open));
        Assert.Equal(("补充帮扶家庭补助申请", host.Users["caseworker2"]), (amend.Title, amend.AssigneeUserId));
        Assert.Contains("请补充家庭收入情况说明", amend.Description);

        var timelines = await host.QueryAsync(db => db.TimelineEntries.CountAsync());
        Assert.True(timelines >= 476 * 3, $"{timelines} timeline entries");
        var periods = await host.QueryAsync(db => db.CaseRegistrations.CountAsync(r => r.ExitedAtUtc != null));
        Assert.Equal(211, periods);
    }

    [Fact]
    public async Task Load_WritesNothing_WhenAlreadyLoaded()
    {
        await using var host = await CasesHost.StartAsync();
        var loader = new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree);
        await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));
        var before = await host.QueryAsync(db => db.Cases.CountAsync());

        var again = await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));

        Assert.False(again.Loaded);
        Assert.Equal(before, await host.QueryAsync(db => db.Cases.CountAsync()));
        Assert.Equal(478, before);
    }
}
