using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings.ListMeetings;

/// <summary>
/// Meetings newest first, filtered by kind and by the scheduled time (<paramref name="From"/> inclusive, <paramref name="To"/>
/// exclusive, ISO 8601), as <see cref="MeetingAccess"/> lets the caller see them; counts are of what the caller may see.
/// </summary>
public sealed record ListMeetings(string? Kind = null, string? From = null, string? To = null, int? Skip = null, int? Take = null)
    : IQuery<Page<MeetingListItem>>;

public sealed record MeetingListItem(string Id, MeetingKind Kind, string Topic, DateTime ScheduledAtUtc, MeetingStatus Status, DateTime? HeldAtUtc,
    int AgendaItems, int Decisions, bool HasReport, bool Limited);

public sealed class ListMeetingsHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree) : IQueryHandler<ListMeetings, Page<MeetingListItem>>
{
    public async ValueTask<Page<MeetingListItem>> Handle(ListMeetings query, CancellationToken cancellationToken)
    {
        var (skip, take) = Paging.Check(query.Skip, query.Take);
        var errors = new InputErrors();
        var kind = errors.Enum<MeetingKind>("kind", query.Kind);
        var from = errors.Instant("from", query.From);
        var to = errors.Instant("to", query.To);
        errors.ThrowIfAny();

        var access = new MeetingAccess(db, user, CaseScope.For(user, tree));
        var meetings = access.Visible();
        if (kind is { } k) meetings = meetings.Where(m => m.Kind == k);
        if (from is { } f) meetings = meetings.Where(m => m.ScheduledAtUtc >= f);
        if (to is { } t) meetings = meetings.Where(m => m.ScheduledAtUtc < t);

        var total = await meetings.CountAsync(cancellationToken);
        var rows = await meetings.OrderByDescending(m => m.ScheduledAtUtc).ThenBy(m => m.Id).Skip(skip).Take(take)
            .Select(m => new { m.Id, m.Kind, m.Topic, m.ScheduledAtUtc, m.Status, m.HeldAtUtc, HasReport = m.ReportText != null })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var agenda = db.MeetingAgendaItems.AsNoTracking().Where(a => ids.Contains(a.MeetingId));
        var decisions = db.MeetingDecisions.AsNoTracking().Where(d => ids.Contains(d.MeetingId));
        if (!access.SeesAllMeetings)
        {
            var caseIds = access.VisibleCaseIds;
            agenda = agenda.Where(a => caseIds.Contains(a.CaseId));
            decisions = decisions.Where(d => d.CaseId != null && caseIds.Contains(d.CaseId));
        }
        var agendaCounts = await agenda.GroupBy(a => a.MeetingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var decisionCounts = await decisions.GroupBy(d => d.MeetingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new Page<MeetingListItem>([.. rows.Select(r => new MeetingListItem(r.Id, r.Kind, r.Topic, r.ScheduledAtUtc, r.Status, r.HeldAtUtc,
            agendaCounts.GetValueOrDefault(r.Id), decisionCounts.GetValueOrDefault(r.Id), r.HasReport && access.SeesAllMeetings, !access.SeesAllMeetings))],
            total, skip, take);
    }
}
