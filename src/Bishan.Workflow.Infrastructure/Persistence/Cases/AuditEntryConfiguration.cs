using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.HasKey(a => a.Id);
        e.Property(a => a.UserName).HasMaxLength(256);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.EntityType).HasMaxLength(64);
        e.Property(a => a.EntityId).HasMaxLength(64);
        e.Property(a => a.IpAddress).HasMaxLength(64);

        // Administrators page the log newest first, by user or by entity.
        e.HasIndex(a => a.AtUtc);
        e.HasIndex(a => new { a.UserId, a.AtUtc });
        e.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
