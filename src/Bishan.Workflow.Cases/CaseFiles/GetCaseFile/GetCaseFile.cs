using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.CaseFiles.GetCaseFile;

/// <summary>
/// One person, one file (一人一档): profile, action, tier, coordinating body, helper team, support plan, help records,
/// evaluations, meetings, subsidies, register periods, open tasks and the timeline. Every read is audited; the ID
/// number is whole only for <see cref="Permissions.MaySeeWholeIdNumber"/>.
/// </summary>
public sealed record GetCaseFile(string CaseId) : IQuery<CaseFile>;

public sealed record CaseFile(
    CaseProfile Profile,
    CaseStatus Status,
    FiveAction? PrimaryAction,
    IReadOnlyList<FiveAction> Tags,
    Tier? Tier,
    UnitRef? CoordinatingBody,
    UnitRef? CarriedOutBy,
    PersonRef? Caseworker,
    IReadOnlyList<HelperItem> HelperTeam,
    Plans.PlanView SupportPlan,
    IReadOnlyList<HelpRecordItem> HelpRecords,
    IReadOnlyList<EvaluationItem> Evaluations,
    IReadOnlyList<MeetingItem> Meetings,
    IReadOnlyList<SubsidyItem> Subsidies,
    IReadOnlyList<RegistrationItem> Registrations,
    IReadOnlyList<OpenTaskItem> OpenTasks,
    IReadOnlyList<TimelineItem> Timeline);

public sealed record CaseProfile(string Id, string FileNumber, string Name, Gender Gender, DateOnly DateOfBirth,
    string? IdNumber, bool IdNumberMasked, UnitRef OrgUnit, UnitRef? Area, string? ReferralReason, FiveAction? SuggestedAction,
    string? Source, string? DuplicateOverrideReason, DateTime CreatedAtUtc, DateTime? RegisteredAtUtc, DateTime? ExitedAtUtc,
    DateTime? ClosedAtUtc, string? CloseReason, int RegistrationCount);

public sealed record UnitRef(string Id, string Name);

public sealed record PersonRef(string UserId, string? UserName, string? DisplayName);

public sealed record HelperItem(long HelperId, string Name, HelperKind Kind, string? TeamName, string Role, DateTime AssignedAtUtc);

public sealed record HelpRecordItem(long Id, DateTime OccurredAtUtc, string Kind, string Content, long? HelperId, string? RecordedByUserId);

public sealed record EvaluationItem(long Id, EvaluationKind Kind, string Result, string? ChecklistJson, string? Comment, string? EvaluatorUserId, DateTime AtUtc);

public sealed record MeetingItem(string MeetingId, MeetingKind Kind, string Topic, DateTime ScheduledAtUtc, MeetingStatus Status,
    IReadOnlyList<string> AgendaReasons, IReadOnlyList<string> Decisions);

public sealed record SubsidyItem(long Id, decimal Amount, string Reason, SubsidyStatus Status, DateTime RequestedAtUtc, DateTime? DecidedAtUtc, DateTime? PaidAtUtc);

public sealed record RegistrationItem(int Number, FiveAction PrimaryAction, Tier Tier, DateTime RegisteredAtUtc, DateTime? ExitedAtUtc);

public sealed record OpenTaskItem(string Id, string Title, string Kind, string? AssigneeUserId, DateTime? DueAtUtc);

public sealed record TimelineItem(long Id, DateTime AtUtc, TimelineKind Kind, string Text, string? ActorUserId, string? TaskId);

public sealed class GetCaseFileHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<GetCaseFile, CaseFile>
{
    public async ValueTask<CaseFile> Handle(GetCaseFile query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(query.CaseId, CaseScope.For(user, tree), cancellationToken);
        var id = @case.Id;
        var whole = Permissions.MaySeeWholeIdNumber(user, @case);

        // Ties on a timestamp are broken by the identity key, i.e. insertion order: what SQLite's rowid order gave for free,
        // while PostgreSQL returns equal rows in whatever order its heap holds them (updated rows move).
        var helpers = await (from ch in db.CaseHelpers.AsNoTracking()
                             join h in db.Helpers.AsNoTracking() on ch.HelperId equals h.Id
                             where ch.CaseId == id && ch.ReleasedAtUtc == null
                             orderby ch.AssignedAtUtc, ch.Id
                             select new HelperItem(h.Id, h.Name, h.Kind, h.TeamName, ch.Role, ch.AssignedAtUtc)).ToListAsync(cancellationToken);
        var helpRecords = (await db.HelpRecords.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.OccurredAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new HelpRecordItem(r.Id, r.OccurredAtUtc, r.Kind, r.Content, r.HelperId, r.RecordedByUserId)).ToList();
        var evaluations = (await db.Evaluations.AsNoTracking().Where(e => e.CaseId == id).ToListAsync(cancellationToken))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new EvaluationItem(e.Id, e.Kind, e.Result, e.ChecklistJson, e.Comment, e.EvaluatorUserId, e.AtUtc)).ToList();
        var subsidies = (await db.Subsidies.AsNoTracking().Where(s => s.CaseId == id).ToListAsync(cancellationToken))
            .OrderBy(s => s.RequestedAtUtc).ThenBy(s => s.Id)
            .Select(s => new SubsidyItem(s.Id, s.Amount, s.Reason, s.Status, s.RequestedAtUtc, s.DecidedAtUtc, s.PaidAtUtc)).ToList();
        var registrations = (await db.CaseRegistrations.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(cancellationToken))
            .OrderBy(r => r.Number)
            .Select(r => new RegistrationItem(r.Number, r.PrimaryAction, r.Tier, r.RegisteredAtUtc, r.ExitedAtUtc)).ToList();
        var openTasks = (await db.WorkTasks.AsNoTracking().Where(t => t.CaseId == id && t.Status == WorkTaskStatus.Open).ToListAsync(cancellationToken))
            .OrderBy(t => t.CreatedAtUtc)
            .Select(t => new OpenTaskItem(t.Id, t.Title, t.Kind, t.AssigneeUserId, t.DueAtUtc)).ToList();
        var timeline = (await db.TimelineEntries.AsNoTracking().Where(t => t.CaseId == id).ToListAsync(cancellationToken))
            .OrderBy(t => t.AtUtc).ThenBy(t => t.Id)
            .Select(t => new TimelineItem(t.Id, t.AtUtc, t.Kind, t.Text, t.ActorUserId, t.TaskId)).ToList();
        var meetings = await MeetingsAsync(id, cancellationToken);
        var plan = await Plans.PlanView.LoadAsync(db, id, @case.PlanUpdatedAtUtc, cancellationToken);
        var caseworker = @case.CaseworkerUserId is { } cw
            ? (await StaffDirectory.LoadAsync(db, cancellationToken)).ById(cw) is { } s ? new PersonRef(s.UserId, s.UserName, s.DisplayName) : new PersonRef(cw, null, null)
            : null;

        AuditLog.Add(db, user, time, AuditActions.CaseRead, nameof(Case), id, whole ? "idNumber: whole" : "idNumber: masked");
        await db.SaveChangesAsync(cancellationToken);

        var profile = new CaseProfile(id, @case.FileNumber, @case.Name, @case.Gender, @case.DateOfBirth,
            @case.IdNumber is null ? null : whole ? @case.IdNumber : IdNumber.MaskText(@case.IdNumber), !whole && @case.IdNumber is not null,
            Unit(@case.OrgUnitId)!, Unit(@case.AreaId), @case.ReferralReason, @case.SuggestedAction, @case.Source,
            @case.DuplicateOverrideReason, @case.CreatedAtUtc, @case.RegisteredAtUtc, @case.ExitedAtUtc, @case.ClosedAtUtc,
            @case.CloseReason, @case.RegistrationCount);
        return new CaseFile(profile, @case.Status, @case.PrimaryAction, @case.Tags, @case.Tier, Unit(@case.CoordinatingBodyId),
            Unit(@case.CarriedOutById), caseworker, helpers, plan,
            helpRecords, evaluations, meetings, subsidies, registrations, openTasks, timeline);
    }

    private async Task<List<MeetingItem>> MeetingsAsync(string caseId, CancellationToken cancellationToken)
    {
        var agenda = await db.MeetingAgendaItems.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        var decisions = await db.MeetingDecisions.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        var ids = agenda.Select(a => a.MeetingId).Concat(decisions.Select(d => d.MeetingId)).Distinct().ToList();
        if (ids.Count == 0) return [];
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        return meetings.OrderBy(m => m.ScheduledAtUtc).Select(m => new MeetingItem(m.Id, m.Kind, m.Topic, m.ScheduledAtUtc, m.Status,
                agenda.Where(a => a.MeetingId == m.Id).Select(a => a.Reason.ToString()).ToList(),
                decisions.Where(d => d.MeetingId == m.Id).Select(d => d.Text).ToList()))
            .ToList();
    }

    private UnitRef? Unit(string? id) =>
        id is null || tree.Find(id) is not { } unit ? null : new UnitRef(unit.Id, unit.Name);
}
