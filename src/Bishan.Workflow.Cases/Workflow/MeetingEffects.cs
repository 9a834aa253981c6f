using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Statistics;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;
using DecisionRow = Bishan.Workflow.Cases.Model.MeetingDecision;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// The task force's meetings: the agenda built from live state when the meeting is scheduled, the minutes with each
/// decision about a case turned into a task on that case, and the special report (专报). A meeting is known to its
/// workflow by the instance that scheduled it.
/// </summary>
/// <remarks>
/// Decision tasks are not workflow tasks: no workflow waits for them, so they have no bookmark
/// (<see cref="WorkTask.BookmarkId"/> null, kind <see cref="WorkTaskKinds.Decision"/>) and completing one only
/// updates its row, through the same task API as workflow tasks.
/// </remarks>
internal sealed class MeetingEffects(TaskBookmarkSync tasks, OutcomeOptions outcomes)
{
    private static readonly TimeSpan DefaultWeeklyLookBack = TimeSpan.FromDays(7);
    private static readonly TimeSpan DefaultMonthlyLookBack = TimeSpan.FromDays(31);
    private const int MaxLookBackPeriods = 3;

    public static async Task ApplyAsync(PassScope scope, MeetingScheduled e)
    {
        var kind = Enum.TryParse<MeetingKind>(e.Kind, ignoreCase: true, out var k) ? k : MeetingKind.Weekly;
        var meeting = new Meeting
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = kind,
            Topic = e.Topic,
            ScheduledAtUtc = e.ScheduledAtUtc,
            InstanceId = e.InstanceId,
            Status = MeetingStatus.Scheduled,
            CreatedAtUtc = scope.NowUtc,
        };
        meeting.AgendaItems.AddRange(await BuildAgendaAsync(scope, meeting));
        scope.Db.Meetings.Add(meeting);
        foreach (var item in meeting.AgendaItems)
            scope.Timeline(item.CaseId, TimelineKind.Meeting,
                CaseTexts.Format("Timeline_OnAgenda", CaseTexts.Label(kind), CaseTexts.Label(item.Reason)));
    }

    /// <summary>
    /// New registrations since the previous meeting of the same kind (else the last week or month), pending tier-change
    /// approvals, severe cases in the register, cases with overdue tasks, exit candidates, and support-plan goals due for review. A case appears once per reason.
    /// </summary>
    /// <summary>
    /// What an agenda item is about (心理健康关爱·严重): its file number and name have their own columns, so the note
    /// does not repeat them.
    /// </summary>
    internal static string? AgendaNote(FiveAction? action, Tier? tier) =>
        string.Join("·", new[] { action is { } a ? CaseTexts.Label(a) : null, tier is { } t ? CaseTexts.Label(t) : null }
            .Where(x => x is not null)) is { Length: > 0 } note ? note : null;

    private static async Task<List<MeetingAgendaItem>> BuildAgendaAsync(PassScope scope, Meeting meeting)
    {
        var db = scope.Db;
        var ct = scope.Ct;
        var previous = await db.Meetings.Where(m => m.Kind == meeting.Kind && m.ScheduledAtUtc < meeting.ScheduledAtUtc)
            .OrderByDescending(m => m.ScheduledAtUtc).Select(m => (DateTime?)m.ScheduledAtUtc).FirstOrDefaultAsync(ct);
        // A previous meeting long ago (the demo data's 2023 meeting, a pause over the holidays) must not put every
        // registration since then on one agenda: look back at most a few periods.
        var period = meeting.Kind == MeetingKind.Weekly ? DefaultWeeklyLookBack : DefaultMonthlyLookBack;
        var since = previous is { } p && p >= scope.NowUtc - MaxLookBackPeriods * period ? p : scope.NowUtc - period;

        var items = new List<(string CaseId, AgendaReason Reason)>();
        items.AddRange((await db.CaseRegistrations.Where(r => r.RegisteredAtUtc >= since).Select(r => r.CaseId).ToListAsync(ct))
            .Select(id => (id, AgendaReason.NewRegistration)));
        var tierApprovals = new[] { WorkTaskKinds.Approval(ApprovalSubject.Escalation), WorkTaskKinds.Approval(ApprovalSubject.Deescalation) };
        items.AddRange((await db.WorkTasks.Where(t => t.Status == WorkTaskStatus.Open && t.CaseId != null && tierApprovals.Contains(t.Kind))
            .Select(t => t.CaseId!).ToListAsync(ct)).Select(id => (id, AgendaReason.PendingEscalation)));
        items.AddRange((await db.Cases.Where(c => c.Tier == Tier.Severe && (c.Status == CaseStatus.Registered || c.Status == CaseStatus.ExitEvaluation))
            .Select(c => c.Id).ToListAsync(ct)).Select(id => (id, AgendaReason.SevereCase)));
        var now = scope.NowUtc;
        items.AddRange((await db.WorkTasks.Where(t => t.Status == WorkTaskStatus.Open && t.CaseId != null && t.DueAtUtc != null && t.DueAtUtc < now)
            .Select(t => t.CaseId!).ToListAsync(ct)).Select(id => (id, AgendaReason.OverdueTask)));
        items.AddRange((await db.Cases.Where(c => c.Status == CaseStatus.ExitEvaluation).Select(c => c.Id).ToListAsync(ct))
            .Select(id => (id, AgendaReason.ExitCandidate)));

        // Support-plan goals due for review by the meeting's (district) date and not reviewed yet.
        var meetingDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(meeting.ScheduledAtUtc, DistrictCalendar.TimeZone));
        items.AddRange((await (from g in db.PlanGoals
                               join c in db.Cases on g.CaseId equals c.Id
                               where g.Active && g.ReviewOn != null && g.ReviewOn <= meetingDay && g.ReviewedAtUtc == null
                                     && (c.Status == CaseStatus.Registered || c.Status == CaseStatus.ExitEvaluation)
                               select g.CaseId).ToListAsync(ct)).Select(id => (id, AgendaReason.PlanReview)));

        var distinct = items.Distinct().ToList();
        var ids = distinct.Select(i => i.CaseId).Distinct().ToArray();
        var cases = await db.Cases.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FileNumber, c.Name, c.Tier, c.PrimaryAction }).ToDictionaryAsync(c => c.Id, ct);
        return distinct
            .Where(i => cases.ContainsKey(i.CaseId))
            .OrderBy(i => i.Reason).ThenBy(i => cases[i.CaseId].FileNumber, StringComparer.Ordinal)
            .Select(i =>
            {
                var c = cases[i.CaseId];
                return new MeetingAgendaItem
                {
                    MeetingId = meeting.Id,
                    CaseId = i.CaseId,
                    Reason = i.Reason,
                    Note = AgendaNote(c.PrimaryAction, c.Tier),
                };
            })
            .ToList();
    }

    public async Task ApplyAsync(PassScope scope, DecisionTasksRequested e)
    {
        var meeting = await MeetingOfAsync(scope, e.InstanceId, MeetingKind.Weekly, null);
        meeting.Minutes = e.Minutes;
        meeting.Attendance = e.Attendance;
        meeting.Status = MeetingStatus.Held;
        meeting.HeldAtUtc = e.AtUtc;

        foreach (var decision in e.Decisions)
        {
            var @case = await scope.FindCaseAsync(decision.CaseId);
            var row = new DecisionRow
            {
                MeetingId = meeting.Id,
                CaseId = @case?.Id,
                Text = @case is null && decision.CaseId is not null ? $"{decision.CaseId}：{decision.Text}" : decision.Text,
            };
            meeting.Decisions.Add(row);
            if (@case is null) continue;

            var task = new WorkTask
            {
                Id = Guid.NewGuid().ToString("N"),
                BookmarkId = null,
                InstanceId = e.InstanceId,
                CaseId = @case.Id,
                MeetingId = meeting.Id,
                Kind = WorkTaskKinds.Decision,
                Title = Shorten(CaseTexts.Format("Decision_TaskTitle", decision.Text), 500),
                Description = decision.Text,
                FormJson = new JsonArray(new FormField("result", CaseTexts.Format("Decision_ResultLabel"), FormFieldType.TextArea, Required: true).ToJson()).ToJsonString(StoredJson.Options),
                OutcomesJson = """["Done"]""",
                AssigneeRule = e.Assignee,
                Status = WorkTaskStatus.Open,
                DueAtUtc = e.DueAtUtc,
                CreatedAtUtc = scope.NowUtc,
            };
            row.TaskId = task.Id;
            scope.Timeline(@case.Id, TimelineKind.Decision, CaseTexts.Format("Timeline_Decision", CaseTexts.Label(meeting.Kind), decision.Text), taskId: task.Id);
            await tasks.AssignAsync(scope, task, @case);
            scope.Db.WorkTasks.Add(task);
        }
    }

    public async Task ApplyAsync(PassScope scope, SpecialReportRequested e)
    {
        var kind = string.Equals(e.Period, "Monthly", StringComparison.OrdinalIgnoreCase) ? MeetingKind.Monthly : MeetingKind.Weekly;
        var meeting = await MeetingOfAsync(scope, e.InstanceId, kind, e.Title);
        var figures = await RegisterFigures.ComputeAsync(scope.Db.Cases, scope.Db.WorkTasks, scope.NowUtc, scope.Ct);
        meeting.ReportTitle = e.Title;
        meeting.ReportRecipients = e.Recipients;
        meeting.ReportText = await WriteReportAsync(scope, e, meeting, figures);
        meeting.ReportGeneratedAtUtc = scope.NowUtc;
        meeting.Status = MeetingStatus.Reported;
    }

    private async Task<string> WriteReportAsync(PassScope scope, SpecialReportRequested e, Meeting meeting, RegisterFigures f)
    {
        var sep = CaseTexts.Format("Report_Separator");
        var none = CaseTexts.Format("Report_None");
        var text = new StringBuilder();
        text.AppendLine(CaseTexts.Format("Report_Header", e.Title, e.Recipients, CaseTexts.LocalTime(scope.NowUtc))).AppendLine();
        text.AppendLine(CaseTexts.Format("Report_Overview", f.RegisteredTotal, f.ExitedTotal, f.InRegister));
        text.AppendLine(CaseTexts.Format("Report_ByAction", string.Join(sep, f.ByAction.Select(x => $"{CaseTexts.Label(x.Key)}{x.Value}人"))));
        text.AppendLine(CaseTexts.Format("Report_ByTier", string.Join(sep, f.ByTier.Select(x => $"{CaseTexts.Label(x.Key)}{x.Value}人"))));
        text.AppendLine(CaseTexts.Format("Report_ByArea", string.Join(sep, OrgUnitIds.Areas.Select(a =>
            $"{OrgUnitSeed.Tree.Find(a)?.Name ?? a}{f.ByArea.GetValueOrDefault(a)}人")))).AppendLine();
        text.AppendLine(await OutcomeReport.WriteAsync(scope.Db.IncidentReports, scope.NowUtc, outcomes, scope.Ct)).AppendLine();

        text.AppendLine(CaseTexts.Format("Report_Meeting", CaseTexts.Label(meeting.Kind), meeting.Topic,
            CaseTexts.LocalTime(meeting.HeldAtUtc ?? meeting.ScheduledAtUtc), string.IsNullOrWhiteSpace(meeting.Attendance) ? none : meeting.Attendance));
        var agenda = meeting.AgendaItems.GroupBy(i => i.Reason).Select(g => $"{CaseTexts.Label(g.Key)}{g.Count()}项").ToList();
        text.AppendLine(CaseTexts.Format("Report_Agenda", meeting.AgendaItems.Count, agenda.Count == 0 ? none : string.Join(sep, agenda)));
        if (!string.IsNullOrWhiteSpace(meeting.Minutes)) text.AppendLine(CaseTexts.Format("Report_Minutes", meeting.Minutes));
        if (meeting.Decisions.Count == 0)
        {
            text.AppendLine(CaseTexts.Format("Report_NoDecisions"));
        }
        else
        {
            text.AppendLine(CaseTexts.Format("Report_Decisions"));
            var numbers = await FileNumbersAsync(scope, meeting.Decisions.Select(d => d.CaseId));
            var n = 0;
            foreach (var d in meeting.Decisions)
                text.AppendLine(CultureInfo.InvariantCulture, $"{++n}. {(d.CaseId is { } id && numbers.TryGetValue(id, out var fn) ? fn + "：" : "")}{d.Text}");
        }
        text.AppendLine();

        text.AppendLine(CaseTexts.Format("Report_Supervision", f.OverdueTasks, f.PendingApprovals));
        var now = scope.NowUtc;
        var severeOverdue = await (from t in scope.Db.WorkTasks
                                   join c in scope.Db.Cases on t.CaseId equals c.Id
                                   where t.Status == WorkTaskStatus.Open && t.DueAtUtc != null && t.DueAtUtc < now && c.Tier == Tier.Severe
                                   orderby c.FileNumber
                                   select c.FileNumber + " " + t.Title).ToListAsync(scope.Ct);
        if (severeOverdue.Count > 0)
            text.AppendLine(CaseTexts.Format("Report_SevereOverdue", severeOverdue.Count, string.Join(sep, severeOverdue)));
        if (!string.IsNullOrWhiteSpace(e.Notes)) text.AppendLine().AppendLine(CaseTexts.Format("Report_Notes", e.Notes));
        return text.ToString().TrimEnd();
    }

    /// <summary>The meeting the instance scheduled (with agenda and decisions); one is created when a hand-edited workflow reports without scheduling.</summary>
    private static async Task<Meeting> MeetingOfAsync(PassScope scope, string instanceId, MeetingKind kind, string? topic)
    {
        var meeting = scope.Db.Meetings.Local.Where(m => m.InstanceId == instanceId).MaxBy(m => m.CreatedAtUtc)
                      ?? await scope.Db.Meetings.Include(m => m.AgendaItems).Include(m => m.Decisions)
                          .Where(m => m.InstanceId == instanceId).OrderByDescending(m => m.CreatedAtUtc).FirstOrDefaultAsync(scope.Ct);
        if (meeting is not null) return meeting;
        meeting = new Meeting
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = kind,
            Topic = topic ?? CaseTexts.Label(kind),
            ScheduledAtUtc = scope.NowUtc,
            InstanceId = instanceId,
            Status = MeetingStatus.Held,
            CreatedAtUtc = scope.NowUtc,
        };
        scope.Db.Meetings.Add(meeting);
        return meeting;
    }

    private static async Task<Dictionary<string, string>> FileNumbersAsync(PassScope scope, IEnumerable<string?> caseIds)
    {
        var ids = caseIds.OfType<string>().Distinct().ToArray();
        var known = scope.Db.Cases.Local.Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id, c => c.FileNumber);
        var missing = ids.Where(id => !known.ContainsKey(id)).ToArray();
        foreach (var c in await scope.Db.Cases.Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.FileNumber }).ToListAsync(scope.Ct))
            known[c.Id] = c.FileNumber;
        return known;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
