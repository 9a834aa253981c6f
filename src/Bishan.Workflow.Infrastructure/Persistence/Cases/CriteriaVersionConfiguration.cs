using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class CriteriaVersionConfiguration : IEntityTypeConfiguration<CriteriaVersion>
{
    public void Configure(EntityTypeBuilder<CriteriaVersion> e)
    {
        e.ToTable("CriteriaVersions");
        e.HasKey(v => v.Id);
        e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(v => v.Action).HasConversion<string>().HasMaxLength(32);
        e.Property(v => v.PublishedByUserId).HasMaxLength(64);
        e.Property(v => v.Note).HasMaxLength(500);
        // One number per kind and action: two administrators publishing at once cannot both get the same version.
        e.HasIndex(v => new { v.Kind, v.Action, v.Number }).IsUnique();
    }
}
