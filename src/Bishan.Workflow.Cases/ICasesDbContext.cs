using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases;

/// <summary>
/// The case domain's view of the database: one set per entity. Implemented by the Infrastructure's
/// <c>BishanDbContext</c>, so use cases and the workflow bridge work against this interface and the same
/// transaction that commits a workflow pass.
/// </summary>
public interface ICasesDbContext
{
    DbSet<Case> Cases { get; }
    DbSet<CaseRegistration> CaseRegistrations { get; }
    DbSet<TimelineEntry> TimelineEntries { get; }
    DbSet<WorkTask> WorkTasks { get; }
    DbSet<TaskComment> TaskComments { get; }
    DbSet<ApprovalRecord> ApprovalRecords { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Meeting> Meetings { get; }
    DbSet<MeetingAgendaItem> MeetingAgendaItems { get; }
    DbSet<MeetingDecision> MeetingDecisions { get; }
    DbSet<HelpRecord> HelpRecords { get; }
    DbSet<Evaluation> Evaluations { get; }
    DbSet<Helper> Helpers { get; }
    DbSet<CaseHelper> CaseHelpers { get; }
    DbSet<BudgetLine> BudgetLines { get; }
    DbSet<Expenditure> Expenditures { get; }
    DbSet<Subsidy> Subsidies { get; }
    DbSet<CriteriaVersion> CriteriaVersions { get; }
    DbSet<PlanGoal> PlanGoals { get; }
    DbSet<PlanRevision> PlanRevisions { get; }
    DbSet<MeetingAttendee> MeetingAttendees { get; }
    DbSet<IncidentReport> IncidentReports { get; }
    DbSet<FamilyMember> FamilyMembers { get; }
    DbSet<CaseFamily> CaseFamilies { get; }
    DbSet<FamilyChange> FamilyChanges { get; }
    DbSet<SpecialReport> SpecialReports { get; }
    DbSet<SpecialReportSection> SpecialReportSections { get; }
    DbSet<SpecialReportRecipient> SpecialReportRecipients { get; }
    DbSet<OrgUnitRecord> OrgUnits { get; }
    DbSet<OrgTreeStamp> OrgTreeStamps { get; }

    /// <summary>The version of the cases and tasks, bumped by every write to them (<see cref="DataStamp"/>).</summary>
    DbSet<DataStamp> DataStamps { get; }
    DbSet<SupervisionNotice> SupervisionNotices { get; }
    DbSet<Employer> Employers { get; }
    DbSet<EmployerJob> EmployerJobs { get; }
    DbSet<GuardianshipConsultation> GuardianshipConsultations { get; }
    DbSet<GuardianshipJobMatch> GuardianshipJobMatches { get; }
    DbSet<FamilyEducationReferral> FamilyEducationReferrals { get; }
    DbSet<FamilyEducationSession> FamilyEducationSessions { get; }
    DbSet<FamilyEducationClass> FamilyEducationClasses { get; }
    DbSet<FamilyEducationClassInvitation> FamilyEducationClassInvitations { get; }
    DbSet<FamilyEducationClassReminder> FamilyEducationClassReminders { get; }

    /// <summary>Users with their roles and org units (one row per user and role), read-only, from Identity's tables.</summary>
    IQueryable<StaffMember> Staff { get; }

    /// <summary>
    /// <see cref="Staff"/> read once per use case (its transaction): later calls in it answer from memory until it saves
    /// a change to users, roles or their links. Outside a transaction every call reads.
    /// </summary>
    Task<IReadOnlyList<StaffMember>> StaffListAsync(CancellationToken cancellationToken = default);

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether a transaction is open on this context (a use case's unit of work): what it reads may include its own
    /// uncommitted writes, so nothing read then is kept for others (<see cref="Common.StampedCache"/>).
    /// </summary>
    bool InTransaction => false;

    /// <summary>
    /// Locks the row of <typeparamref name="TEntity"/> with key <paramref name="id"/> until the use case's transaction ends,
    /// for a read-check-write that must not interleave with another (a budget line's balance): concurrent callers on any
    /// node run one after another. Needs the use case's transaction (every command runs in one).
    /// </summary>
    Task LockRowAsync<TEntity>(object id, CancellationToken cancellationToken = default) where TEntity : class;

    /// <summary>
    /// Takes a named lock until the use case's transaction ends, for a read-check-write with no row to lock yet (the next
    /// 专报 number of a year): concurrent callers on any node run one after another. Needs the use case's transaction.
    /// </summary>
    Task LockNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The next file number of <paramref name="year"/> (BS-2026-0001), distinct under any concurrency.</summary>
    Task<string> NextFileNumberAsync(int year, CancellationToken cancellationToken = default);
}
