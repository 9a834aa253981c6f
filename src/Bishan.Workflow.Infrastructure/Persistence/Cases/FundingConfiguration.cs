using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> e)
    {
        e.ToTable("BudgetLines");
        e.HasKey(b => b.Id);
        e.Property(b => b.Name).HasMaxLength(200);
        e.Property(b => b.OrgUnitId).HasMaxLength(64);
        e.Property(b => b.Amount).HasConversion<MoneyConverter>().HasColumnName("AmountFen");
        e.HasIndex(b => new { b.Year, b.OrgUnitId });
    }
}

internal sealed class ExpenditureConfiguration : IEntityTypeConfiguration<Expenditure>
{
    public void Configure(EntityTypeBuilder<Expenditure> e)
    {
        e.ToTable("Expenditures");
        e.HasKey(x => x.Id);
        e.HasOne<BudgetLine>().WithMany().HasForeignKey(x => x.BudgetLineId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Subsidy>().WithMany().HasForeignKey(x => x.SubsidyId).OnDelete(DeleteBehavior.SetNull);
        e.Property(x => x.Amount).HasConversion<MoneyConverter>().HasColumnName("AmountFen");
        e.Property(x => x.Purpose).HasMaxLength(500);
        e.HasIndex(x => new { x.BudgetLineId, x.SpentOn });
        e.HasIndex(x => x.CaseId);
    }
}

internal sealed class SubsidyConfiguration : IEntityTypeConfiguration<Subsidy>
{
    public void Configure(EntityTypeBuilder<Subsidy> e)
    {
        e.ToTable("Subsidies");
        e.HasKey(s => s.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<BudgetLine>().WithMany().HasForeignKey(s => s.BudgetLineId).OnDelete(DeleteBehavior.SetNull);
        e.Property(s => s.Amount).HasConversion<MoneyConverter>().HasColumnName("AmountFen");
        e.Property(s => s.Reason).HasMaxLength(2000);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(s => new { s.CaseId, s.Status });
        e.HasIndex(s => s.Status);
    }
}
