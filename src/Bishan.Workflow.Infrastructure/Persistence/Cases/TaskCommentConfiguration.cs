using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> e)
    {
        e.ToTable("TaskComments");
        e.HasKey(c => c.Id);
        e.HasOne<WorkTask>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.Property(c => c.Text).HasMaxLength(4000);
        e.HasIndex(c => new { c.TaskId, c.AtUtc });
    }
}
