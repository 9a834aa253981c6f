using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class HelperConfiguration : IEntityTypeConfiguration<Helper>
{
    public void Configure(EntityTypeBuilder<Helper> e)
    {
        e.ToTable("Helpers");
        e.HasKey(h => h.Id);
        e.Property(h => h.Name).HasMaxLength(100);
        e.Property(h => h.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(h => h.OrgUnitId).HasMaxLength(64);
        e.Property(h => h.TeamName).HasMaxLength(100);
        e.Property(h => h.Phone).HasMaxLength(32);
        e.Property(h => h.Specialty).HasMaxLength(200);
        e.HasIndex(h => new { h.Kind, h.Active });
        e.HasIndex(h => h.OrgUnitId);
    }
}
