using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Infrastructure.Persistence.Cases;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Identity, the workflow store and the case domain (<see cref="ICasesDbContext"/>) in one database, so that a
/// workflow pass and the domain rows it creates commit in one transaction; also the outbox, the file-number counters
/// and the data-protection keys every node shares. The model is provider-neutral (one migration set per provider):
/// no provider-specific column types, enums stored as strings, times as UTC <see cref="DateTime"/>.
/// </summary>
public sealed class BishanDbContext(DbContextOptions<BishanDbContext> options)
    : IdentityDbContext<AppUser>(options), ICasesDbContext, IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessageRecord> OutboxMessages => Set<OutboxMessageRecord>();
    public DbSet<FileNumberCounterRecord> FileNumberCounters => Set<FileNumberCounterRecord>();
    public DbSet<RefreshTokenRecord> RefreshTokens => Set<RefreshTokenRecord>();

    public DbSet<WorkflowDefinitionVersionRecord> WorkflowDefinitionVersions => Set<WorkflowDefinitionVersionRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<WorkflowBookmarkRecord> WorkflowBookmarks => Set<WorkflowBookmarkRecord>();
    public DbSet<WorkflowTriggerRecord> WorkflowTriggers => Set<WorkflowTriggerRecord>();
    public DbSet<WorkflowJournalRecord> WorkflowJournal => Set<WorkflowJournalRecord>();
    public DbSet<WorkflowIncidentRecord> WorkflowIncidents => Set<WorkflowIncidentRecord>();

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseRegistration> CaseRegistrations => Set<CaseRegistration>();
    public DbSet<TimelineEntry> TimelineEntries => Set<TimelineEntry>();
    public DbSet<WorkTask> WorkTasks => Set<WorkTask>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<ApprovalRecord> ApprovalRecords => Set<ApprovalRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAgendaItem> MeetingAgendaItems => Set<MeetingAgendaItem>();
    public DbSet<MeetingDecision> MeetingDecisions => Set<MeetingDecision>();
    public DbSet<HelpRecord> HelpRecords => Set<HelpRecord>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<Helper> Helpers => Set<Helper>();
    public DbSet<CaseHelper> CaseHelpers => Set<CaseHelper>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<Expenditure> Expenditures => Set<Expenditure>();
    public DbSet<Subsidy> Subsidies => Set<Subsidy>();
    public DbSet<CriteriaVersion> CriteriaVersions => Set<CriteriaVersion>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();
    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();
    public DbSet<IncidentReport> IncidentReports => Set<IncidentReport>();
    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();
    public DbSet<CaseFamily> CaseFamilies => Set<CaseFamily>();
    public DbSet<FamilyChange> FamilyChanges => Set<FamilyChange>();
    public DbSet<SpecialReport> SpecialReports => Set<SpecialReport>();
    public DbSet<SpecialReportSection> SpecialReportSections => Set<SpecialReportSection>();
    public DbSet<SpecialReportRecipient> SpecialReportRecipients => Set<SpecialReportRecipient>();
    public DbSet<OrgUnitRecord> OrgUnits => Set<OrgUnitRecord>();
    public DbSet<OrgTreeStamp> OrgTreeStamps => Set<OrgTreeStamp>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();

    public bool InTransaction => Database.CurrentTransaction is not null;
    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<EmployerJob> EmployerJobs => Set<EmployerJob>();
    public DbSet<GuardianshipConsultation> GuardianshipConsultations => Set<GuardianshipConsultation>();
    public DbSet<GuardianshipJobMatch> GuardianshipJobMatches => Set<GuardianshipJobMatch>();
    public DbSet<FamilyEducationReferral> FamilyEducationReferrals => Set<FamilyEducationReferral>();
    public DbSet<FamilyEducationSession> FamilyEducationSessions => Set<FamilyEducationSession>();
    public DbSet<FamilyEducationClass> FamilyEducationClasses => Set<FamilyEducationClass>();
    public DbSet<FamilyEducationClassInvitation> FamilyEducationClassInvitations => Set<FamilyEducationClassInvitation>();
    public DbSet<FamilyEducationClassReminder> FamilyEducationClassReminders => Set<FamilyEducationClassReminder>();

    public IQueryable<StaffMember> Staff =>
        from u in Users.AsNoTracking()
        join ur in UserRoles.AsNoTracking() on u.Id equals ur.UserId
        join r in Roles.AsNoTracking() on ur.RoleId equals r.Id
        select new StaffMember(u.Id, u.UserName ?? "", u.DisplayName, u.OrgUnitId, r.Name ?? "");

    private IReadOnlyList<StaffMember>? _staff;
    private object? _staffTransaction;

    /// <summary>
    /// Kept only within one transaction (one use case): a context can outlive its use cases (a page's circuit), and
    /// another user's edit of the staff must show in the next one.
    /// </summary>
    public async Task<IReadOnlyList<StaffMember>> StaffListAsync(CancellationToken cancellationToken = default)
    {
        var transaction = Database.CurrentTransaction;
        if (_staff is not null && transaction is not null && ReferenceEquals(transaction, _staffTransaction)) return _staff;
        var staff = await Staff.ToListAsync(cancellationToken);
        (_staff, _staffTransaction) = transaction is null ? (null, null) : (staff, transaction);
        return staff;
    }

    /// <summary>Bumps the app-managed concurrency token of every modified case and task (SQLite has no rowversion).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpConcurrencyTokens();
        ForgetStaffIfSaved();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpConcurrencyTokens();
        ForgetStaffIfSaved();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Users, roles or their links about to be saved: the staff list this context kept is read again on next use.</summary>
    private void ForgetStaffIfSaved()
    {
        if (_staff is not null && ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged
                && e.Entity is AppUser or IdentityUserRole<string> or IdentityRole))
            _staff = null;
    }

    private void BumpConcurrencyTokens()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyVersioned>())
            if (entry.State == EntityState.Modified)
                entry.Entity.ConcurrencyToken++;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back as Unspecified; everything stored is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public Task LockRowAsync<TEntity>(object id, CancellationToken cancellationToken = default) where TEntity : class =>
        RowLocks.LockAsync<TEntity>(this, id, cancellationToken);

    public Task LockNameAsync(string name, CancellationToken cancellationToken = default) =>
        RowLocks.LockNameAsync(this, name, cancellationToken);

    public Task<string> NextFileNumberAsync(int year, CancellationToken cancellationToken = default) =>
        FileNumberCounter.NextAsync(this, year, cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.OrgUnitId).HasMaxLength(64);
            e.HasIndex(u => u.OrgUnitId);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(CaseConfiguration).Assembly,
            t => t.Namespace == typeof(CaseConfiguration).Namespace);
        ConfigureVersions(builder.Entity<WorkflowDefinitionVersionRecord>());
        ConfigureInstances(builder.Entity<WorkflowInstanceRecord>());
        ConfigureBookmarks(builder.Entity<WorkflowBookmarkRecord>());
        ConfigureTriggers(builder.Entity<WorkflowTriggerRecord>());
        ConfigureJournal(builder.Entity<WorkflowJournalRecord>());

        ConfigureOutbox(builder.Entity<OutboxMessageRecord>());
        var counters = builder.Entity<FileNumberCounterRecord>();
        counters.ToTable("FileNumberCounters");
        counters.HasKey(c => c.Year);
        counters.Property(c => c.Year).ValueGeneratedNever();

        ConfigureRefreshTokens(builder.Entity<RefreshTokenRecord>());

        var incidents = builder.Entity<WorkflowIncidentRecord>();
        incidents.ToTable("WorkflowIncidents");
        incidents.HasKey(i => i.Id);
        incidents.HasIndex(i => i.InstanceId);
    }

    private static void ConfigureRefreshTokens(EntityTypeBuilder<RefreshTokenRecord> e)
    {
        e.ToTable("RefreshTokens");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).ValueGeneratedOnAdd();
        e.Property(t => t.FamilyId).HasMaxLength(32);
        e.Property(t => t.UserId).HasMaxLength(450);
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.Property(t => t.SecurityStamp).HasMaxLength(256);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasIndex(t => t.FamilyId);
        e.HasIndex(t => t.UserId);
    }

    private static void ConfigureVersions(EntityTypeBuilder<WorkflowDefinitionVersionRecord> e)
    {
        e.ToTable("WorkflowDefinitionVersions");
        e.HasKey(v => v.Id);
        e.HasIndex(v => new { v.DefinitionId, v.Version }).IsUnique();

        // Starting an instance looks up the published version, the designer the latest one; a definition has at most
        // one of each, whatever two nodes publish at the same moment.
        e.HasIndex(v => v.DefinitionId, "IX_WorkflowDefinitionVersions_OnePublished").IsUnique()
            .HasFilter("\"IsPublished\" = TRUE");
        e.HasIndex(v => v.DefinitionId, "IX_WorkflowDefinitionVersions_OneLatest").IsUnique()
            .HasFilter("\"IsLatest\" = TRUE");
        e.Property(v => v.ContentHash).HasMaxLength(64);
    }

    private static void ConfigureInstances(EntityTypeBuilder<WorkflowInstanceRecord> e)
    {
        e.ToTable("WorkflowInstances");
        e.HasKey(i => i.Id);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.SubStatus).HasConversion<string>().HasMaxLength(16);
        // No index holds a column that a typical pass changes (issue 15, round four): moving an entry from one status's
        // region of an index to another's is two more pages written by the pass that finishes an instance, and at
        // 100,000 instances those regions no longer share a page. What the reads need instead:
        // - by definition (and version): the instance list's filter, the count of a version's instances;
        e.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
        // - the running ones per definition (the designer's list): only running instances are in it, an entry leaves
        //   when its instance finishes and none is added elsewhere;
        e.HasIndex(i => i.DefinitionId, "IX_WorkflowInstances_Running").HasFilter("\"Status\" = 'Running'");
        e.HasIndex(i => i.CorrelationId);
        // - the interrupted ones (recovery): an instance is Executing only between its start's two writes or after a crash.
        e.HasIndex(i => i.SubStatus, "IX_WorkflowInstances_Executing").HasFilter("\"SubStatus\" = 'Executing'");

        // The instance list pages newest first.
        e.HasIndex(i => i.CreatedAtUtc);
        e.Property(i => i.LeaseOwner).HasMaxLength(100);
    }

    private static void ConfigureOutbox(EntityTypeBuilder<OutboxMessageRecord> e)
    {
        e.ToTable("OutboxMessages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasMaxLength(36);
        e.Property(m => m.Kind).HasMaxLength(64);
        e.HasIndex(m => m.DueAtUtc);
    }

    private static void ConfigureBookmarks(EntityTypeBuilder<WorkflowBookmarkRecord> e)
    {
        e.ToTable("WorkflowBookmarks");
        e.HasKey(b => b.Id);
        // Events only (issue 15, round five): an event is looked up by its name and correlation id; a task's or timer's
        // bookmark is resumed by its id, so its burn writes no entry here (one page less per resume). The filter names the
        // bookmark kind as a literal, as the runtime's event query does, so that both databases may use the partial index.
        e.HasIndex(b => new { b.Key, b.CorrelationId }, "IX_WorkflowBookmarks_Events")
            .HasFilter($"\"Name\" = '{Event.BookmarkName}' AND {Waiting}");
        // No index on InstanceId (round five): every burn deleted an entry from it, and only retention and tests look
        // bookmarks up by instance (retention sweeps the bookmarks of removed instances once per run).

        // Timers only: most bookmarks (events, tasks) have no time, and an entry for each of them would be one
        // more index page written by every pass that adds or burns one. The scheduler asks for timers only.
        // Both indexes hold waiting bookmarks only (round six): the burn, an UPDATE of the row, takes its entry out as the
        // DELETE did before; the readers of waiting bookmarks ask for the same condition.
        e.HasIndex(b => b.ResumeAtUtc).HasFilter($"\"ResumeAtUtc\" IS NOT NULL AND {Waiting}");
    }

    /// <summary>The condition of a bookmark that can still be resumed (not burned), as the partial indexes write it.</summary>
    internal const string Waiting = "\"BurnedAtUtc\" IS NULL";

    private static void ConfigureTriggers(EntityTypeBuilder<WorkflowTriggerRecord> e)
    {
        e.ToTable("WorkflowTriggers");
        e.HasKey(t => t.Id);
        e.HasIndex(t => t.DefinitionId);
        e.HasIndex(t => new { t.Name, t.Key });
    }

    private static void ConfigureJournal(EntityTypeBuilder<WorkflowJournalRecord> e)
    {
        e.ToTable("WorkflowJournal");
        e.HasKey(j => j.Id);
        // On SQLite a plain INTEGER PRIMARY KEY (the rowid), not AUTOINCREMENT (issue 15): AUTOINCREMENT updates the
        // sqlite_sequence table in every transaction that writes the journal, one more page per pass. Ids are an order
        // within the table and the links of an instance's chain of rows; (InstanceId, Sequence) is what identifies an event.
        e.Property(j => j.Id).ValueGeneratedOnAdd()
            .HasAnnotation("Sqlite:ValueGenerationStrategy", SqliteValueGenerationStrategy.None);
        // No index (round six): an instance's rows are a chain from WorkflowInstances.LastJournalId through PreviousId, all
        // read by the key, see WorkflowJournalRecord.
    }
}
