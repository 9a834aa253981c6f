using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Meetings;

/// <summary>
/// Who sees the task force's meetings (会商). Everyone who sees every case (administrators, leaders, the secretary, the
/// task force) and every supervisor sees all meetings; a supervisor sees the minors of cases outside their scope by file
/// number and masked name only. Anyone else (a caseworker) sees only the meetings that discussed a case in their scope, and
/// of those only their own cases: the other agenda items, decisions, the minutes and the special report stay hidden.
/// </summary>
internal sealed class MeetingAccess(ICasesDbContext db, ICurrentUser user, CaseScope scope)
{
    public bool SeesAllMeetings { get; } = scope.SeesAll || user.IsInRole(Roles.Supervisor);

    /// <summary>The ids of the cases in the caller's scope, as a query to compose.</summary>
    public IQueryable<string> VisibleCaseIds => scope.Apply(db.Cases.AsNoTracking()).Select(c => c.Id);

    public IQueryable<Meeting> Visible()
    {
        var meetings = db.Meetings.AsNoTracking();
        if (SeesAllMeetings) return meetings;
        var caseIds = VisibleCaseIds;
        return meetings.Where(m => db.MeetingAgendaItems.Any(a => a.MeetingId == m.Id && caseIds.Contains(a.CaseId))
                                   || db.MeetingDecisions.Any(d => d.MeetingId == m.Id && d.CaseId != null && caseIds.Contains(d.CaseId)));
    }

    /// <exception cref="NotFoundException">No such meeting.</exception>
    /// <exception cref="ForbiddenException">The meeting discussed none of the caller's cases.</exception>
    public async Task<Meeting> LoadAsync(string meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct)
                      ?? throw new NotFoundException(UseCaseStrings.Format("Meeting_NotFound", meetingId));
        if (!await Visible().AnyAsync(m => m.Id == meetingId, ct))
            throw new ForbiddenException(UseCaseStrings.Format("Meeting_Forbidden", meeting.Topic));
        return meeting;
    }
}
