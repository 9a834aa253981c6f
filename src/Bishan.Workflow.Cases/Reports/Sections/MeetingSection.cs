using System.Globalization;
using System.Text;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>The meeting reported on: when, who attended, the agenda by reason, the minutes and each decision with its file number.</summary>
public sealed class MeetingSection : ISpecialReportSection
{
    public string Key => "meeting";
    public int Order => 300;

    public async Task<SectionDraft?> WriteAsync(SectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Meeting is not { } meeting) return null;
        var db = context.Db;
        var none = CaseTexts.Format("Report_None");
        var sep = CaseTexts.Format("Report_Separator");
        var agendaItems = await db.MeetingAgendaItems.Where(a => a.MeetingId == meeting.Id).Select(a => a.Reason).ToListAsync(cancellationToken);
        var decisions = await db.MeetingDecisions.Where(d => d.MeetingId == meeting.Id).OrderBy(d => d.Id)
            .Select(d => new { d.CaseId, d.Text }).ToListAsync(cancellationToken);
        var ids = decisions.Select(d => d.CaseId).OfType<string>().Distinct().ToArray();
        var numbers = await db.Cases.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FileNumber, cancellationToken);

        var text = new StringBuilder();
        text.AppendLine(CaseTexts.Format("Report_MeetingLine", CaseTexts.Label(meeting.Kind), meeting.Topic,
            CaseTexts.LocalTime(meeting.HeldAtUtc ?? meeting.ScheduledAtUtc), string.IsNullOrWhiteSpace(meeting.Attendance) ? none : meeting.Attendance));
        var agenda = agendaItems.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{CaseTexts.Label(g.Key)}{g.Count()}项").ToList();
        text.AppendLine(CaseTexts.Format("Report_Agenda", agendaItems.Count, agenda.Count == 0 ? none : string.Join(sep, agenda)));
        if (!string.IsNullOrWhiteSpace(meeting.Minutes)) text.AppendLine(CaseTexts.Format("Report_Minutes", meeting.Minutes));
        if (decisions.Count == 0)
        {
            text.AppendLine(CaseTexts.Format("Report_NoDecisions"));
        }
        else
        {
            text.AppendLine(CaseTexts.Format("Report_Decisions"));
            var n = 0;
            foreach (var d in decisions)
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{++n}. {(d.CaseId is { } id && numbers.TryGetValue(id, out var fn) ? fn + "：" : "")}{d.Text}");
        }
        return new SectionDraft(CaseTexts.Format("Report_SectionMeeting"), text.ToString().TrimEnd());
    }
}
