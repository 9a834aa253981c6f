using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> e)
    {
        e.ToTable("PlanGoals");
        e.HasKey(g => g.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Helper>().WithMany().HasForeignKey(g => g.HelperId).OnDelete(DeleteBehavior.Restrict);
        e.Property(g => g.Title).HasMaxLength(4000);
        e.Property(g => g.Measures).HasMaxLength(4000);
        e.Property(g => g.ResultNote).HasMaxLength(2000);
        e.Property(g => g.ReviewTaskId).HasMaxLength(64);
        e.Property(g => g.Result).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(g => g.CaseId);

        // The review sweep looks for active goals whose date has come and that have no review task yet.
        e.HasIndex(g => new { g.Active, g.ReviewOn });
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> e)
    {
        e.ToTable("PlanRevisions");
        e.HasKey(r => r.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(r => r.AuthorUserId).HasMaxLength(64);
        e.Property(r => r.Changes).HasMaxLength(8000);
        e.Property(r => r.Note).HasMaxLength(1000);

        // Two revisions racing on one case cannot both become version n.
        e.HasIndex(r => new { r.CaseId, r.Version }).IsUnique();
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> e)
    {
        e.ToTable("MeetingAttendees");
        e.HasKey(a => a.Id);
        e.Property(a => a.UserId).HasMaxLength(64);
        e.Property(a => a.Name).HasMaxLength(200);
        e.HasIndex(a => a.MeetingId);
    }
}
