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
        await using var host = await CasesHost.StartAsync("case-intake", "tiered-escalation");
        var loader = new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree);

        var loaded = await host.QueryAsync(db => loader.LoadAsync(db, CancellationToken.None));
        await DemoWorkflows.StartAsync(host.Runtime, loaded, CancellationToken.None);

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
