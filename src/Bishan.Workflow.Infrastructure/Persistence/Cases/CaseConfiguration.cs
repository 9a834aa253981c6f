using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("Cases");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasMaxLength(64);
        e.Property(c => c.FileNumber).HasMaxLength(32);
        e.HasIndex(c => c.FileNumber).IsUnique();
        e.Property(c => c.Name).HasMaxLength(100);
        e.Property(c => c.Gender).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.IdNumber).HasMaxLength(18);
        e.Property(c => c.OrgUnitId).HasMaxLength(64);
        e.Property(c => c.AreaId).HasMaxLength(64);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.PrimaryAction).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.SuggestedAction).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.Tier).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.CoordinatingBodyId).HasMaxLength(64);
        e.Property(c => c.CarriedOutById).HasMaxLength(64);
        e.Property(c => c.CaseworkerUserId).HasMaxLength(64);
        e.Property(c => c.Tags).HasConversion(TagsConverter.Instance, TagsConverter.Comparer).HasMaxLength(200);

        // The duplicate check at referral: same ID number, or same name + date of birth.
        e.HasIndex(c => c.IdNumber);
        e.HasIndex(c => new { c.Name, c.DateOfBirth });

        // Case lists filter by these, alone or with the status, and scoping reads area / unit / action.
        e.HasIndex(c => c.Status);
        e.HasIndex(c => new { c.AreaId, c.Status });
        e.HasIndex(c => new { c.OrgUnitId, c.Status });
        e.HasIndex(c => new { c.PrimaryAction, c.Status });
        e.HasIndex(c => new { c.Tier, c.Status });
        e.HasIndex(c => c.CoordinatingBodyId);

        // The case list reads each part of the caller's scope (a unit, an area, an action, their own cases, or everything)
        // from one of these in its order, newest first, and stops after the page (ListCases, issue 15). The caseworker's
        // index also holds the scope's columns, so counting their cases outside their unit reads no rows.
        e.HasIndex(c => new { c.CreatedAtUtc, c.Id }).IsDescending(true, false);
        e.HasIndex(c => new { c.OrgUnitId, c.CreatedAtUtc, c.Id }).IsDescending(false, true, false);
        e.HasIndex(c => new { c.AreaId, c.CreatedAtUtc, c.Id }).IsDescending(false, true, false);
        e.HasIndex(c => new { c.PrimaryAction, c.CreatedAtUtc, c.Id }).IsDescending(false, true, false);
        e.HasIndex(c => new { c.CaseworkerUserId, c.CreatedAtUtc, c.Id, c.OrgUnitId, c.AreaId, c.PrimaryAction })
            .IsDescending(false, true, false, false, false, false);
        e.HasIndex(c => c.RegisteredAtUtc);
    }

    /// <summary>Other problems as a comma-separated list of action names, e.g. <c>MentalHealth,Unsupervised</c>.</summary>
    private static class TagsConverter
    {
        public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<FiveAction>, string> Instance = new(
            v => string.Join(',', v),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Enum.Parse<FiveAction>(s)).ToList());

        public static readonly ValueComparer<List<FiveAction>> Comparer = new(
            (a, b) => a != null && b != null && a.SequenceEqual(b),
            v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
            v => v.ToList());
    }
}
