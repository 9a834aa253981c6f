using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class HelpRecordConfiguration : IEntityTypeConfiguration<HelpRecord>
{
    public void Configure(EntityTypeBuilder<HelpRecord> e)
    {
        e.ToTable("HelpRecords");
        e.HasKey(h => h.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Helper>().WithMany().HasForeignKey(h => h.HelperId).OnDelete(DeleteBehavior.SetNull);
        e.Property(h => h.Kind).HasMaxLength(32);
        e.Property(h => h.Content).HasMaxLength(4000);
        e.HasIndex(h => new { h.CaseId, h.OccurredAtUtc });
    }
}
