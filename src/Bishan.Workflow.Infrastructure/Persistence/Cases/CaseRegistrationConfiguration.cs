using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class CaseRegistrationConfiguration : IEntityTypeConfiguration<CaseRegistration>
{
    public void Configure(EntityTypeBuilder<CaseRegistration> e)
    {
        e.ToTable("CaseRegistrations");
        e.HasKey(r => r.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.CaseId, r.Number }).IsUnique();
        e.Property(r => r.PrimaryAction).HasConversion<string>().HasMaxLength(32);
        e.Property(r => r.Tier).HasConversion<string>().HasMaxLength(16);

        // "Registered since the last meeting" and period statistics.
        e.HasIndex(r => r.RegisteredAtUtc);
        e.HasIndex(r => r.ExitedAtUtc);
    }
}
