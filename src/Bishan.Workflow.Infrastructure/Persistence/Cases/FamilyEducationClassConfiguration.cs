using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class FamilyEducationClassConfiguration : IEntityTypeConfiguration<FamilyEducationClass>
{
    public void Configure(EntityTypeBuilder<FamilyEducationClass> e)
    {
        e.ToTable("FamilyEducationClasses");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasMaxLength(32);
        e.Property(c => c.SubCentreId).HasMaxLength(64);
        e.Property(c => c.Topic).HasMaxLength(200);
        e.Property(c => c.Place).HasMaxLength(200);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.CancelReason).HasMaxLength(500);
        e.Property(c => c.CreatedByUserId).HasMaxLength(64);
        e.HasIndex(c => new { c.SubCentreId, c.ClassDate });
        e.HasIndex(c => new { c.Status, c.ClassDate });
    }
}

internal sealed class FamilyEducationClassInvitationConfiguration : IEntityTypeConfiguration<FamilyEducationClassInvitation>
{
    public void Configure(EntityTypeBuilder<FamilyEducationClassInvitation> e)
    {
        e.ToTable("FamilyEducationClassInvitations");
        e.HasKey(i => i.Id);
        e.Property(i => i.ClassId).HasMaxLength(32);
        e.Property(i => i.ReferralId).HasMaxLength(32);
        e.Property(i => i.CaseId).HasMaxLength(64);
        e.Property(i => i.InvitedByUserId).HasMaxLength(64);
        e.Property(i => i.AttendanceNote).HasMaxLength(200);
        // A member is invited once to a class.
        e.HasIndex(i => new { i.ClassId, i.MemberId }).IsUnique();
        e.HasIndex(i => i.ReferralId);
    }
}

internal sealed class FamilyEducationClassReminderConfiguration : IEntityTypeConfiguration<FamilyEducationClassReminder>
{
    public void Configure(EntityTypeBuilder<FamilyEducationClassReminder> e)
    {
        e.ToTable("FamilyEducationClassReminders");
        e.HasKey(r => r.Id);
        e.Property(r => r.ClassId).HasMaxLength(32);
        e.Property(r => r.CaseId).HasMaxLength(64);
        e.Property(r => r.UserId).HasMaxLength(64);
        // Exactly once per class, case and class day, whichever node's sweep gets there first.
        e.HasIndex(r => new { r.ClassId, r.CaseId, r.ClassDate }).IsUnique();
    }
}
