using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> e)
    {
        e.ToTable("TimelineEntries");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).ValueGeneratedOnAdd();
        e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(t => t.Text).HasMaxLength(4000);

        // The file reads its timeline in time order.
        e.HasIndex(t => new { t.CaseId, t.AtUtc });
    }
}
