using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> e)
    {
        e.ToTable("Evaluations");
        e.HasKey(v => v.Id);
        e.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(v => v.Result).HasMaxLength(64);
        e.HasIndex(v => new { v.CaseId, v.AtUtc });
        // The version a judgement was made by; versions are append-only, so no foreign key (SQLite would rebuild the table).
        e.HasIndex(v => v.CriteriaVersionId);
    }
}
