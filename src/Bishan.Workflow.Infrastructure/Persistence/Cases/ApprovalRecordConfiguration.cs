using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class ApprovalRecordConfiguration : IEntityTypeConfiguration<ApprovalRecord>
{
    public void Configure(EntityTypeBuilder<ApprovalRecord> e)
    {
        e.ToTable("ApprovalRecords");
        e.HasKey(a => a.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(a => a.Subject).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.TargetTier).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.Comment).HasMaxLength(4000);

        // The gates ask "is there an approved <subject> for this case?".
        e.HasIndex(a => new { a.CaseId, a.Subject, a.Outcome });
        e.HasIndex(a => a.InstanceId);
    }
}
