using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>Helpers, budget lines and meetings the pool, funding and meeting facts start from.</summary>
internal static class WorldData
{
    /// <summary>Adds a helper through the API as the administrator and returns its id.</summary>
    public static async Task<long> NewHelperAsync(this BishanWebFactory factory, string kind = "FamilyEducationInstructor", string? orgUnitId = null)
    {
        var admin = await factory.ClientAsync(CasesWorld.Administrator);
        var response = await admin.PostAsJsonAsync("/api/helpers", new
        {
            name = $"帮扶{Guid.NewGuid():N}"[..10], kind, orgUnitId = orgUnitId ?? CasesWorld.AreaA, teamName = "同心护未来", phone = "023-4112 0000",
            specialty = "家庭教育指导",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadOkAsync())["id"]!.GetValue<long>();
    }

    /// <summary>Opens a budget line through the API as the administrator and returns its id.</summary>
    public static async Task<long> NewBudgetLineAsync(this BishanWebFactory factory, decimal amount)
    {
        var admin = await factory.ClientAsync(CasesWorld.Administrator);
        var response = await admin.PostAsJsonAsync("/api/funding/budget-lines",
            new { year = 2026, name = $"帮扶家庭补助-{Guid.NewGuid():N}"[..16], orgUnitId = "task-force", amount });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadOkAsync())["id"]!.GetValue<long>();
    }

    /// <summary>A held weekly meeting with these cases on the agenda, a decision (with a task) on the first, and a special report.</summary>
    public static async Task<string> NewMeetingAsync(this BishanWebFactory factory, params string[] caseIds)
    {
        var id = "it-meeting-" + Guid.NewGuid().ToString("N");
        await factory.QueryAsync(async db =>
        {
            var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToListAsync();
            var at = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
            var meeting = new Meeting
            {
                Id = id, Kind = MeetingKind.Weekly, Topic = "区级专班周会商", ScheduledAtUtc = at, HeldAtUtc = at, Status = MeetingStatus.Reported,
                Minutes = "逐一研究个案。", Attendance = "专班成员5人。", ReportTitle = "专报（第10期）", ReportText = "一、本周概况\n二、个案研究情况",
                ReportRecipients = "区委教育工作领导小组", ReportGeneratedAtUtc = at.AddHours(3), CreatedAtUtc = at.AddDays(-1),
            };
            foreach (var c in cases.OrderBy(c => Array.IndexOf(caseIds, c.Id)))
                meeting.AgendaItems.Add(new MeetingAgendaItem { MeetingId = id, CaseId = c.Id, Reason = AgendaReason.SevereCase, Note = $"{c.FileNumber} {c.Name}" });
            var taskId = "it-decision-" + Guid.NewGuid().ToString("N");
            meeting.Decisions.Add(new MeetingDecision { MeetingId = id, CaseId = caseIds[0], Text = "本周内联合家访。", TaskId = taskId });
            db.WorkTasks.Add(new WorkTask
            {
                Id = taskId, CaseId = caseIds[0], Kind = WorkTaskKinds.Decision, Title = "会商决定：本周内联合家访。", AssigneeRule = "case.caseworker",
                Status = WorkTaskStatus.Open, MeetingId = id, OrgUnitId = cases.First(c => c.Id == caseIds[0]).OrgUnitId, CreatedAtUtc = at,
            });
            db.Meetings.Add(meeting);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>The open task the workflow bridge made for the instance's bookmark.</summary>
    public static Task<WorkTask> OpenTaskOfAsync(this BishanWebFactory factory, string instanceId) =>
        factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.InstanceId == instanceId && t.Status == WorkTaskStatus.Open));
}
