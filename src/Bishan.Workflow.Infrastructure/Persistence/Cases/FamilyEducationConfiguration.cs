using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class FamilyEducationReferralConfiguration : IEntityTypeConfiguration<FamilyEducationReferral>
{
    public void Configure(EntityTypeBuilder<FamilyEducationReferral> e)
    {
        e.ToTable("FamilyEducationReferrals");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasMaxLength(32);
        e.Property(r => r.CaseId).HasMaxLength(64);
        e.Property(r => r.SubCentreId).HasMaxLength(64);
        e.Property(r => r.Reason).HasMaxLength(500);
        e.Property(r => r.ReferredByUserId).HasMaxLength(64);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.DecisionReason).HasMaxLength(500);
        e.Property(r => r.PlanKinds).HasMaxLength(100);
        e.Property(r => r.PlanNote).HasMaxLength(1000);
        e.Property(r => r.Result).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.EvaluationNote).HasMaxLength(1000);
        e.Property(r => r.WorkflowInstanceId).HasMaxLength(64);
        e.HasIndex(r => r.CaseId);
        e.HasIndex(r => r.SubCentreId);
    }
}

internal sealed class FamilyEducationSessionConfiguration : IEntityTypeConfiguration<FamilyEducationSession>
{
    public void Configure(EntityTypeBuilder<FamilyEducationSession> e)
    {
        e.ToTable("FamilyEducationSessions");
        e.HasKey(s => s.Id);
        e.Property(s => s.ReferralId).HasMaxLength(32);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Content).HasMaxLength(1000);
        e.Property(s => s.AttendeeMemberIds).HasMaxLength(300);
        e.Property(s => s.RecordedByUserId).HasMaxLength(64);
        e.Property(s => s.ClassId).HasMaxLength(32);
        e.HasIndex(s => s.ReferralId);
        e.HasIndex(s => new { s.ClassId, s.ReferralId });
    }
}
