using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bishan.Workflow.Infrastructure.Persistence.Cases;

internal sealed class DataStampConfiguration : IEntityTypeConfiguration<DataStamp>
{
    public void Configure(EntityTypeBuilder<DataStamp> e)
    {
        e.ToTable("DataStamps");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        // The single row exists from the migration on, so a write only ever updates it (DataStampInterceptor).
        e.HasData(new DataStamp { Id = DataStamp.SingleId, Version = 0 });
    }
}
