using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> e)
    {
        e.ToTable("SupervisionNotices");
        e.HasKey(n => n.Id);
        e.Property(n => n.Id).HasMaxLength(32);
        e.Property(n => n.Number).HasMaxLength(32);
        e.Property(n => n.UnitId).HasMaxLength(64);
        e.Property(n => n.CaseId).HasMaxLength(64);
        e.Property(n => n.TaskId).HasMaxLength(64);
        e.Property(n => n.Subject).HasMaxLength(200);
        e.Property(n => n.Requirement).HasMaxLength(2000);
        e.Property(n => n.IssuedByUserId).HasMaxLength(64);
        e.Property(n => n.WorkflowInstanceId).HasMaxLength(64);
        e.HasIndex(n => n.UnitId);
        e.HasIndex(n => n.CaseId);
        e.HasIndex(n => n.WorkflowInstanceId);
    }
}
