using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class MeetingAgendaItemConfiguration : IEntityTypeConfiguration<MeetingAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaItem> e)
    {
        e.ToTable("MeetingAgendaItems");
        e.HasKey(a => a.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(a => a.Reason).HasConversion<string>().HasMaxLength(32);

        // "Meetings where this case was discussed" on the case file.
        e.HasIndex(a => a.CaseId);
    }
}
