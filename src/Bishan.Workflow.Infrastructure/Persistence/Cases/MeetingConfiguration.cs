using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("Meetings");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasMaxLength(64);
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.Topic).HasMaxLength(500);
        e.Property(m => m.InstanceId).HasMaxLength(64);
        e.Property(m => m.Place).HasMaxLength(200);
        e.Property(m => m.CalledByUserId).HasMaxLength(64);
        e.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);

        // Later steps of the scheduling instance find their meeting by instance id.
        e.HasIndex(m => m.InstanceId);
        e.HasIndex(m => new { m.Kind, m.ScheduledAtUtc });
    }
}
