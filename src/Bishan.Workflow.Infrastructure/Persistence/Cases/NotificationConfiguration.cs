using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("Notifications");
        e.HasKey(n => n.Id);
        e.Property(n => n.UserId).HasMaxLength(64);
        e.Property(n => n.Title).HasMaxLength(500);
        e.Property(n => n.Message).HasMaxLength(4000);

        // A user's list, newest first, and the unread badge.
        e.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
        e.HasIndex(n => new { n.UserId, n.ReadAtUtc });
    }
}
