using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> e)
    {
        e.ToTable("Employers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Industry).HasMaxLength(50);
        e.Property(x => x.ContactPerson).HasMaxLength(50);
        e.Property(x => x.ContactPhone).HasMaxLength(20);
        e.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class EmployerJobConfiguration : IEntityTypeConfiguration<EmployerJob>
{
    public void Configure(EntityTypeBuilder<EmployerJob> e)
    {
        e.ToTable("EmployerJobs");
        e.HasKey(x => x.Id);
        e.HasOne<Employer>().WithMany().HasForeignKey(x => x.EmployerId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Ignore(x => x.HasPlace);
        e.HasIndex(x => x.EmployerId);
    }
}

internal sealed class GuardianshipConsultationConfiguration : IEntityTypeConfiguration<GuardianshipConsultation>
{
    public void Configure(EntityTypeBuilder<GuardianshipConsultation> e)
    {
        e.ToTable("GuardianshipConsultations");
        e.HasKey(x => x.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<EmployerJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.CaseId).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.ProposedByUserId).HasMaxLength(64);
        e.Property(x => x.ArrangedByUserId).HasMaxLength(64);
        e.Property(x => x.RecordedByUserId).HasMaxLength(64);
        e.Property(x => x.FollowUpByUserId).HasMaxLength(64);
        e.Property(x => x.InstanceId).HasMaxLength(64);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.EntrustedGuardian).HasMaxLength(50);
        e.Property(x => x.OutcomeNote).HasMaxLength(2000);
        e.Property(x => x.FollowUpNote).HasMaxLength(2000);
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => x.InstanceId);
    }
}

internal sealed class GuardianshipJobMatchConfiguration : IEntityTypeConfiguration<GuardianshipJobMatch>
{
    public void Configure(EntityTypeBuilder<GuardianshipJobMatch> e)
    {
        e.ToTable("GuardianshipJobMatches");
        e.HasKey(x => new { x.ConsultationId, x.JobId });
        e.HasOne<GuardianshipConsultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<EmployerJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
