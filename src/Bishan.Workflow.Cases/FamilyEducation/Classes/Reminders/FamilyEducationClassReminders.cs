using System.Globalization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.Reminders;

/// <summary>
/// The reminder the day before a parent class: for every scheduled class on tomorrow's district date (from the injected clock), each
/// invited case's caseworker (else whoever referred the family) gets a notification: 明天 19:00 在 … 有家长课堂《…》，已邀请 …的父亲.
/// Run by an hourly recurring sweep rather than one delayed job per class, so a moved class is reminded of for its new day, a
/// cancelled one not at all, and a sweep missed while a node was down is caught up by the next.
/// </summary>
/// <remarks>
/// Exactly once: a <see cref="FamilyEducationClassReminder"/> row per class, case and class date is written with its notification
/// in one save under a unique index, so when two nodes sweep at once the second save fails and nothing of it is kept.
/// </remarks>
public sealed class FamilyEducationClassReminders(ICasesDbContext db, TimeProvider time)
{
    /// <summary>Sends the due reminders; returns how many were sent by this run.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var tomorrow = DistrictCalendar.Today(time).AddDays(1);
        var classes = await db.FamilyEducationClasses.AsNoTracking()
            .Where(c => c.Status == FamilyEducationClassStatus.Scheduled && c.ClassDate == tomorrow).ToListAsync(ct);
        var sent = 0;
        foreach (var @class in classes.OrderBy(c => c.StartsAtUtc))
            sent += await RemindAsync(@class, ct);
        return sent;
    }

    private async Task<int> RemindAsync(FamilyEducationClass @class, CancellationToken ct)
    {
        var done = (await db.FamilyEducationClassReminders.AsNoTracking().Where(r => r.ClassId == @class.Id && r.ClassDate == @class.ClassDate)
            .Select(r => r.CaseId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var invitations = await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => i.ClassId == @class.Id).ToListAsync(ct);
        var due = invitations.Where(i => !done.Contains(i.CaseId)).GroupBy(i => i.CaseId, StringComparer.Ordinal).ToList();
        if (due.Count == 0) return 0;
        var caseIds = due.Select(g => g.Key).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var referralIds = invitations.Select(i => i.ReferralId).Distinct().ToList();
        var referrers = await db.FamilyEducationReferrals.AsNoTracking().Where(r => referralIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.ReferredByUserId, ct);
        var memberIds = invitations.Select(i => i.MemberId).ToList();
        var members = await db.FamilyMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<object>();
        foreach (var byCase in due)
        {
            if (!cases.TryGetValue(byCase.Key, out var @case)) continue;
            var userId = @case.CaseworkerUserId ?? referrers.GetValueOrDefault(byCase.First().ReferralId);
            var reminder = new FamilyEducationClassReminder { ClassId = @class.Id, CaseId = @case.Id, ClassDate = @class.ClassDate, UserId = userId, SentAtUtc = now };
            db.FamilyEducationClassReminders.Add(reminder);
            added.Add(reminder);
            if (string.IsNullOrEmpty(userId)) continue;
            var relationships = string.Join("、", byCase.Select(i => members.TryGetValue(i.MemberId, out var m) ? m.Relationship : (FamilyRelationship?)null)
                .OfType<FamilyRelationship>().Distinct().Order().Select(r => CaseTexts.Label(r)));
            var notification = new Notification
            {
                UserId = userId, CaseId = @case.Id, CreatedAtUtc = now,
                Title = CaseTexts.Format("FamilyEducationClassNotification_ReminderTitle", @case.FileNumber),
                Message = CaseTexts.Format("FamilyEducationClassNotification_Reminder", @class.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
                    @class.Place, @class.Topic, @case.Name, relationships),
            };
            db.Notifications.Add(notification);
            added.Add(notification);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return added.OfType<Notification>().Count();
        }
        catch (DbUpdateException)
        {
            // Another node's sweep reminded of this class first (the unique index refused the second row): keep nothing of ours.
            foreach (var row in added)
                if (row is Notification n) db.Notifications.Remove(n);
                else if (row is FamilyEducationClassReminder r) db.FamilyEducationClassReminders.Remove(r);
            if (!await db.FamilyEducationClassReminders.AsNoTracking()
                    .AnyAsync(r => r.ClassId == @class.Id && r.ClassDate == @class.ClassDate && caseIds.Contains(r.CaseId), ct))
                throw;
            return 0;
        }
    }
}
