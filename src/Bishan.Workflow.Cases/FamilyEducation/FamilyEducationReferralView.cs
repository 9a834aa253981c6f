using System.Globalization;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation;

/// <summary>
/// A referral as the sub-centre works it: the minor's name and school, the family (phones masked), the reason, the decision,
/// the plan, the sessions with who came, and the evaluation. Never the rest of the case file.
/// </summary>
public sealed record FamilyEducationReferralView(
    string Id,
    string CaseId,
    string FileNumber,
    string MinorName,
    string SchoolName,
    string SubCentreId,
    string SubCentreName,
    string Reason,
    FamilyEducationStatus Status,
    string StatusLabel,
    DateTime ReferredAtUtc,
    DateOnly ReferredOn,
    string? ReferredBy,
    string? DecisionReason,
    DateTime? DecidedAtUtc,
    IReadOnlyList<LabelledValue> PlanKinds,
    string? PlanNote,
    int EvaluationWeeks,
    DateOnly? EvaluationDueOn,
    ParentingChange? Result,
    string? ResultLabel,
    string? EvaluationNote,
    DateTime? EvaluatedAtUtc,
    string? OpenTaskId,
    IReadOnlyList<GuidanceFamilyMember> Members,
    IReadOnlyList<GuidanceSessionView> Sessions,
    IReadOnlyList<FamilyEducationReferralClass> Classes,
    bool MayAct,
    bool MayRevealPhones)
{
    public static async Task<FamilyEducationReferralView> LoadAsync(ICasesDbContext db, OrgTree tree, FamilyEducationReferral r, bool mayAct,
        CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == r.CaseId, ct);
        var members = (await db.FamilyMembers.AsNoTracking().Where(m => m.CaseId == r.CaseId && m.Active).ToListAsync(ct))
            .OrderBy(m => m.Relationship).ThenBy(m => m.Id).ToList();
        var sessions = (await db.FamilyEducationSessions.AsNoTracking().Where(s => s.ReferralId == r.Id).ToListAsync(ct))
            .OrderBy(s => s.SessionDate).ThenBy(s => s.Id).ToList();
        var names = (await db.FamilyMembers.AsNoTracking().Where(m => m.CaseId == r.CaseId).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => m.Name);
        var openTask = r.WorkflowInstanceId is null ? null
            : await db.WorkTasks.AsNoTracking().Where(t => t.InstanceId == r.WorkflowInstanceId && t.Status == WorkTaskStatus.Open)
                .Select(t => t.Id).FirstOrDefaultAsync(ct);
        var staff = await StaffDirectory.LoadAsync(db, ct);
        var classes = await FamilyEducationReferralClass.LoadAsync(db, r.Id, names, ct);
        DateOnly? due = r.DecidedAtUtc is { } decided && r.Status is not FamilyEducationStatus.Declined
            ? DayOf(decided).AddDays(7 * r.EvaluationWeeks) : null;
        return new FamilyEducationReferralView(r.Id, r.CaseId, @case.FileNumber, @case.Name, UnitName(tree, @case.OrgUnitId), r.SubCentreId,
            UnitName(tree, r.SubCentreId), r.Reason, r.Status, DomainLabels.For(r.Status), r.ReferredAtUtc, r.ReferredOn, staff.NameOf(r.ReferredByUserId),
            r.DecisionReason, r.DecidedAtUtc, [.. GuidanceKinds.Parse(r.PlanKinds).Select(k => new LabelledValue(k.ToString(), DomainLabels.For(k)))],
            r.PlanNote, r.EvaluationWeeks, due, r.Result, r.Result is { } result ? DomainLabels.For(result) : null, r.EvaluationNote, r.EvaluatedAtUtc,
            mayAct ? openTask : null,
            [.. members.Select(m => new GuidanceFamilyMember(m.Id, m.Name, DomainLabels.For(m.Relationship), m.IsLegalGuardian,
                m.Phone is null ? null : FamilyPhones.Mask(m.Phone), m.LivesWithMinor))],
            [.. sessions.Select(s => GuidanceSessionView.Of(s, names))],
            classes,
            mayAct, mayAct && FamilyEducationAccess.IsOpen(r.Status));
    }

    /// <summary>The district day (Asia/Shanghai) of a UTC instant.</summary>
    internal static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DistrictCalendar.TimeZone));

    internal static string UnitName(OrgTree tree, string unitId)
    {
        var unit = tree.Find(unitId);
        if (unit is null) return unitId;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? unit.Name : unit.EnglishName ?? unit.Name;
    }
}

/// <summary>A value with its label in the reader's language.</summary>
public sealed record LabelledValue(string Value, string Label);

/// <summary>A family member as the guidance worker sees them: the phone masked (revealing it is an audited act).</summary>
public sealed record GuidanceFamilyMember(long Id, string Name, string Relationship, bool IsLegalGuardian, string? Phone, bool LivesWithMinor);

/// <summary>One recorded session: kind, date, what was done, who of the family came out of how many expected.</summary>
public sealed record GuidanceSessionView(long Id, GuidanceKind Kind, string KindLabel, DateOnly SessionDate, string Content,
    IReadOnlyList<string> Attendees, int InvitedCount, int AttendedCount)
{
    public static GuidanceSessionView Of(FamilyEducationSession s, IReadOnlyDictionary<long, string> names) =>
        new(s.Id, s.Kind, DomainLabels.For(s.Kind), s.SessionDate, s.Content,
            [.. GuidanceKinds.Ids(s.AttendeeMemberIds).Select(id => names.TryGetValue(id, out var n) ? n : id.ToString(CultureInfo.InvariantCulture))],
            s.InvitedCount, s.AttendedCount);
}

/// <summary>A parent class the referral's family was invited to: when, where, who was invited and who came.</summary>
public sealed record FamilyEducationReferralClass(string ClassId, string Topic, DateOnly ClassDate, string StartTime, string Place,
    FamilyEducationClassStatus Status, string StatusLabel, IReadOnlyList<string> Invited, IReadOnlyList<string> Came)
{
    public static async Task<IReadOnlyList<FamilyEducationReferralClass>> LoadAsync(ICasesDbContext db, string referralId,
        IReadOnlyDictionary<long, string> names, CancellationToken ct)
    {
        var rows = await (from i in db.FamilyEducationClassInvitations.AsNoTracking()
                          join c in db.FamilyEducationClasses.AsNoTracking() on i.ClassId equals c.Id
                          where i.ReferralId == referralId
                          select new { i.MemberId, i.Attended, Class = c }).ToListAsync(ct);
        string Name(long id) => names.TryGetValue(id, out var n) ? n : id.ToString(CultureInfo.InvariantCulture);
        return [.. rows.GroupBy(x => x.Class.Id, StringComparer.Ordinal).Select(g => (Class: g.First().Class, Members: g.ToList()))
            .OrderBy(x => x.Class.StartsAtUtc)
            .Select(x => new FamilyEducationReferralClass(x.Class.Id, x.Class.Topic, x.Class.ClassDate,
                x.Class.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), x.Class.Place, x.Class.Status, DomainLabels.For(x.Class.Status),
                [.. x.Members.Select(m => Name(m.MemberId))], [.. x.Members.Where(m => m.Attended == true).Select(m => Name(m.MemberId))]))];
    }
}
