using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    public void Configure(EntityTypeBuilder<WorkTask> e)
    {
        e.ToTable("WorkTasks");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).HasMaxLength(64);
        e.Property(t => t.BookmarkId).HasMaxLength(64);
        e.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Kind).HasMaxLength(64);
        e.Property(t => t.AssigneeRule).HasMaxLength(200);
        e.Property(t => t.CandidateGroup).HasMaxLength(200);
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.TargetTier).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.Outcome).HasMaxLength(64);

        // Inboxes: mine (assignee or claimer) and group, each by status; the case file lists its tasks.
        // The inbox ("mine") reads each of its three parts from one of these in creation order, and counts it from the
        // index alone (ListTasks, issue 15).
        // Each of the three ends in the list's order (newest first, then the id), so PostgreSQL too reads a part in index
        // order instead of sorting it. The "assigned to me, unclaimed" part has an index of its own, partial on the unclaimed
        // tasks: PostgreSQL does not take "ClaimedByUserId IS NULL" as fixing a column for the order, so a column between
        // the assignee and the creation time made it sort every unclaimed task of the assignee.
        e.HasIndex(t => new { t.AssigneeUserId, t.Status, t.ClaimedByUserId, t.CreatedAtUtc });
        e.HasIndex(t => new { t.AssigneeUserId, t.Status, t.CreatedAtUtc, t.Id }, "IX_WorkTasks_Unclaimed_AssigneeUserId_Status_CreatedAtUtc_Id")
            .IsDescending(false, false, true, false).HasFilter("\"ClaimedByUserId\" IS NULL");
        e.HasIndex(t => new { t.ClaimedByUserId, t.Status, t.CreatedAtUtc, t.Id }).IsDescending(false, false, true, false);
        e.HasIndex(t => new { t.CompletedByUserId, t.Status, t.CreatedAtUtc, t.Id }).IsDescending(false, false, true, false);
        e.HasIndex(t => new { t.CandidateGroup, t.Status });
        e.HasIndex(t => new { t.CaseId, t.Status });
        e.HasIndex(t => new { t.OrgUnitId, t.Status });
        e.HasIndex(t => new { t.Status, t.DueAtUtc });
        e.HasIndex(t => t.InstanceId);
        // One task per bookmark: two nodes resuming the pass that adds it cannot both open a task for it.
        e.HasIndex(t => t.BookmarkId).IsUnique().HasFilter("\"BookmarkId\" IS NOT NULL");
    }
}
