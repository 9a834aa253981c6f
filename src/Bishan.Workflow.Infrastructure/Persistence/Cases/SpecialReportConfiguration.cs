using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class SpecialReportConfiguration : IEntityTypeConfiguration<SpecialReport>
{
    public void Configure(EntityTypeBuilder<SpecialReport> e)
    {
        e.ToTable("SpecialReports");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasMaxLength(64);
        e.Property(r => r.NumberText).HasMaxLength(64);
        e.Property(r => r.Title).HasMaxLength(200);
        e.Property(r => r.Period).HasMaxLength(200);
        e.Property(r => r.MeetingId).HasMaxLength(64);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.DraftedByUserId).HasMaxLength(64);
        e.Property(r => r.InstanceId).HasMaxLength(64);
        e.Property(r => r.SignedByUserId).HasMaxLength(64);
        e.Property(r => r.SignOffComment).HasMaxLength(4000);
        e.Property(r => r.ReturnedByUserId).HasMaxLength(64);
        e.Property(r => r.ReturnReason).HasMaxLength(4000);
        e.Property(r => r.ConcurrencyToken).IsConcurrencyToken();
        e.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(r => r.Sections).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Recipients).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);

        // One number per year, whoever drafts at the same moment (the loser retries with the next number).
        e.HasIndex(r => new { r.Year, r.Number }).IsUnique();
        e.HasIndex(r => r.MeetingId);
        e.HasIndex(r => r.InstanceId);
        e.HasIndex(r => new { r.Status, r.CreatedAtUtc });
    }
}

internal sealed class SpecialReportSectionConfiguration : IEntityTypeConfiguration<SpecialReportSection>
{
    public void Configure(EntityTypeBuilder<SpecialReportSection> e)
    {
        e.ToTable("SpecialReportSections");
        e.HasKey(s => s.Id);
        e.Property(s => s.ReportId).HasMaxLength(64);
        e.Property(s => s.Key).HasMaxLength(64);
        e.Property(s => s.Heading).HasMaxLength(200);
        e.Property(s => s.Body).HasMaxLength(20000);
        e.HasIndex(s => new { s.ReportId, s.Position });
    }
}

internal sealed class SpecialReportRecipientConfiguration : IEntityTypeConfiguration<SpecialReportRecipient>
{
    public void Configure(EntityTypeBuilder<SpecialReportRecipient> e)
    {
        e.ToTable("SpecialReportRecipients");
        e.HasKey(r => r.Id);
        e.Property(r => r.ReportId).HasMaxLength(64);
        e.Property(r => r.UserId).HasMaxLength(64);
        e.Property(r => r.Role).HasMaxLength(32);
        e.Property(r => r.TaskId).HasMaxLength(64);
        e.HasIndex(r => new { r.ReportId, r.UserId }).IsUnique();
        e.HasIndex(r => new { r.UserId, r.ReadAtUtc });
    }
}
