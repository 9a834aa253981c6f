using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Reports.Sections;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.Cases;

/// <summary>The demo's past weekly consultation has a signed special report, sent to the leaders and waiting to be read (issue 11 point 4).</summary>
public sealed class DemoSpecialReportFacts
{
    private static SpecialReportComposer Composer() =>
        new([new RegisterSection(), new OutcomeSection(new OutcomeOptions()), new MeetingSection(), new PoolSection(OrgUnitSeed.Tree), new FamilyEducationSection(OrgUnitSeed.Tree), new SupervisionSection()]);

    [Fact]
    public async Task PastMeeting_HasASignedReport_SentToTheLeader_Once()
    {
        await using var host = await CasesHost.StartAsync();
        await host.QueryAsync(db => new DemoRegisterLoader(host.Time, OrgUnitSeed.Tree).LoadAsync(db, CancellationToken.None));

        await host.QueryAsync(async db => { await DemoSpecialReports.LoadAsync(db, Composer(), CancellationToken.None); return 0; });
        await host.QueryAsync(async db => { await DemoSpecialReports.LoadAsync(db, Composer(), CancellationToken.None); return 0; });

        var report = await host.QueryAsync(db => db.SpecialReports.AsNoTracking().Include(r => r.Sections).Include(r => r.Recipients).SingleAsync());
        Assert.Equal((DemoRegisterLoader.PastWeeklyMeetingId, SpecialReportStatus.Issued, host.Users["supervisor-taskforce"], host.Users["secretary"]),
            (report.MeetingId, report.Status, report.SignedByUserId, report.DraftedByUserId));
        Assert.Equal("璧山五个行动专报〔2023〕第1期", report.NumberText);
        Assert.Equal(["register", "outcomes", "meeting", "pool", "family-education", "supervision"], report.Sections.OrderBy(s => s.Position).Select(s => s.Key));
        Assert.Contains("累计入库476人", report.Sections.Single(s => s.Key == "register").Body);
        Assert.Contains("逐一研究严重程度个案的帮扶进展", report.Sections.Single(s => s.Key == "meeting").Body);
        var receipt = Assert.Single(report.Recipients, r => r.UserId == host.Users["leader"]);
        Assert.Null(receipt.ReadAtUtc);
        var inbox = await host.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == receipt.TaskId));
        Assert.Equal((WorkTaskKinds.ReportRead, WorkTaskStatus.Open, host.Users["leader"]), (inbox.Kind, inbox.Status, inbox.AssigneeUserId));
    }
}
