using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> e)
    {
        e.ToTable("FamilyMembers");
        e.HasKey(m => m.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(m => m.Name).HasMaxLength(50);
        e.Property(m => m.Relationship).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.Residence).HasConversion<string>().HasMaxLength(32);
        e.Property(m => m.Phone).HasMaxLength(20);
        e.Property(m => m.City).HasMaxLength(50);
        e.Property(m => m.Employer).HasMaxLength(100);
        e.HasIndex(m => m.CaseId);

        // The referral's duplicate check looks minors up by a guardian's phone.
        e.HasIndex(m => m.Phone);
    }
}

internal sealed class CaseFamilyConfiguration : IEntityTypeConfiguration<CaseFamily>
{
    public void Configure(EntityTypeBuilder<CaseFamily> e)
    {
        e.ToTable("CaseFamilies");
        e.HasKey(f => f.CaseId);
        e.Property(f => f.CaseId).HasMaxLength(64);
        e.HasOne<Case>().WithOne().HasForeignKey<CaseFamily>(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(f => f.Situation).HasConversion<string>().HasMaxLength(32);
        e.Property(f => f.Support).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class FamilyChangeConfiguration : IEntityTypeConfiguration<FamilyChange>
{
    public void Configure(EntityTypeBuilder<FamilyChange> e)
    {
        e.ToTable("FamilyChanges");
        e.HasKey(c => c.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(c => c.AuthorUserId).HasMaxLength(64);
        e.Property(c => c.Changes).HasMaxLength(4000);
        e.HasIndex(c => c.CaseId);
    }
}
