using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class CaseHelperConfiguration : IEntityTypeConfiguration<CaseHelper>
{
    public void Configure(EntityTypeBuilder<CaseHelper> e)
    {
        e.ToTable("CaseHelpers");
        e.HasKey(h => h.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Helper>().WithMany().HasForeignKey(h => h.HelperId).OnDelete(DeleteBehavior.Restrict);
        e.Property(h => h.Role).HasMaxLength(32);
        e.HasIndex(h => h.CaseId);

        // Workload per helper counts the assignments not yet released.
        e.HasIndex(h => new { h.HelperId, h.ReleasedAtUtc });
    }
}
