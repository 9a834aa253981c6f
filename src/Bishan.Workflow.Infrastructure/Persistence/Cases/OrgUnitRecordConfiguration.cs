using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class OrgUnitRecordConfiguration : IEntityTypeConfiguration<OrgUnitRecord>
{
    public void Configure(EntityTypeBuilder<OrgUnitRecord> e)
    {
        e.ToTable("OrgUnits");
        e.HasKey(u => u.Id);
        e.Property(u => u.Id).HasMaxLength(64);
        e.Property(u => u.Name).HasMaxLength(100);
        e.Property(u => u.EnglishName).HasMaxLength(150);
        e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(u => u.ParentId).HasMaxLength(64);
        e.Property(u => u.AreaId).HasMaxLength(64);
        e.Property(u => u.Actions).HasMaxLength(200);
        e.HasIndex(u => u.ParentId);
    }
}
