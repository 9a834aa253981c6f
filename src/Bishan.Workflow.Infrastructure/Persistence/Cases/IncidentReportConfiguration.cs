using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class IncidentReportConfiguration : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> e)
    {
        e.ToTable("IncidentReports");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.AreaId).HasMaxLength(64);
        e.Property(x => x.SchoolId).HasMaxLength(64);
        e.Property(x => x.ReportingBodyId).HasMaxLength(64);
        e.Property(x => x.Description).HasMaxLength(500);
        e.Property(x => x.RecordedByUserId).HasMaxLength(450);
        // A case is never deleted while an incident names it: the indicator keeps its link.
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.Kind, x.OccurredOn });
        e.HasIndex(x => new { x.ReportingBodyId, x.OccurredOn });
        e.HasIndex(x => x.CaseId);
    }
}
