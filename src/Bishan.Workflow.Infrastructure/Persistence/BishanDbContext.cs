using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Infrastructure.Persistence.Cases;
using Bishan.Workflow.Infrastructure.Persistence.Entities;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// Identity, the workflow store and the case domain (<see cref="ICasesDbContext"/>) in one database, so that a
/// workflow pass and the domain rows it creates commit in one transaction. The model is provider-neutral (SQLite
/// now, PostgreSQL later): no provider-specific column types, enums stored as strings, times as UTC <see cref="DateTime"/>.
/// </summary>
public sealed class BishanDbContext(DbContextOptions<BishanDbContext> options) : IdentityDbContext<AppUser>(options), ICasesDbContext
{
    public DbSet<WorkflowDefinitionVersionRecord> WorkflowDefinitionVersions => Set<WorkflowDefinitionVersionRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<WorkflowBookmarkRecord> WorkflowBookmarks => Set<WorkflowBookmarkRecord>();
    public DbSet<WorkflowResumedBookmarkRecord> WorkflowResumedBookmarks => Set<WorkflowResumedBookmarkRecord>();
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

    public IQueryable<StaffMember> Staff =>
        from u in Users.AsNoTracking()
        join ur in UserRoles.AsNoTracking() on u.Id equals ur.UserId
        join r in Roles.AsNoTracking() on ur.RoleId equals r.Id
        select new StaffMember(u.Id, u.UserName ?? "", u.DisplayName, u.OrgUnitId, r.Name ?? "");

    /// <summary>Bumps the app-managed concurrency token of every modified case and task (SQLite has no rowversion).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpConcurrencyTokens();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpConcurrencyTokens();
        return base.SaveChanges(acceptAllChangesOnSuccess);
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

    public Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);

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

        var resumed = builder.Entity<WorkflowResumedBookmarkRecord>();
        resumed.ToTable("WorkflowResumedBookmarks");
        resumed.HasKey(r => r.Id);
        resumed.HasIndex(r => r.InstanceId);

        var incidents = builder.Entity<WorkflowIncidentRecord>();
        incidents.ToTable("WorkflowIncidents");
        incidents.HasKey(i => i.Id);
        incidents.HasIndex(i => i.InstanceId);
    }

    private static void ConfigureVersions(EntityTypeBuilder<WorkflowDefinitionVersionRecord> e)
    {
        e.ToTable("WorkflowDefinitionVersions");
        e.HasKey(v => v.Id);
        e.HasIndex(v => new { v.DefinitionId, v.Version }).IsUnique();

        // Starting an instance looks up the published version, the designer the latest one.
        e.HasIndex(v => new { v.DefinitionId, v.IsPublished });
        e.HasIndex(v => new { v.DefinitionId, v.IsLatest });
        e.Property(v => v.ContentHash).HasMaxLength(64);
    }

    private static void ConfigureInstances(EntityTypeBuilder<WorkflowInstanceRecord> e)
    {
        e.ToTable("WorkflowInstances");
        e.HasKey(i => i.Id);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.SubStatus).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(i => new { i.DefinitionId, i.Status });
        e.HasIndex(i => i.CorrelationId);
        e.HasIndex(i => i.SubStatus);

        // The instance list pages newest first.
        e.HasIndex(i => i.CreatedAtUtc);
    }

    private static void ConfigureBookmarks(EntityTypeBuilder<WorkflowBookmarkRecord> e)
    {
        e.ToTable("WorkflowBookmarks");
        e.HasKey(b => b.Id);
        e.HasIndex(b => new { b.Name, b.Key });
        e.HasIndex(b => b.InstanceId);

        // Timers only: most bookmarks (events, tasks) have no time, and an entry for each of them would be one
        // more index page written by every pass that adds or burns one. The scheduler asks for timers only.
        e.HasIndex(b => b.ResumeAtUtc).HasFilter("\"ResumeAtUtc\" IS NOT NULL");
    }

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
        e.Property(j => j.Id).ValueGeneratedOnAdd();
        e.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
    }
}
