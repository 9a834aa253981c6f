using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class OrgTreeStampConfiguration : IEntityTypeConfiguration<OrgTreeStamp>
{
    public void Configure(EntityTypeBuilder<OrgTreeStamp> e)
    {
        e.ToTable("OrgTreeStamps");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        // The single row exists from the migration on, so an edit only ever updates it.
        e.HasData(new OrgTreeStamp { Id = OrgTreeStamp.SingleId, Version = 0 });
    }
}
