using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bishan.Workflow.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --project src/Bishan.Workflow.Migrations.PostgreSql</c> build the context with
/// the PostgreSQL provider. Adding a migration does not connect; the connection string only names the provider.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BishanDbContext>
{
    public BishanDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BishanDbContext>();
        BishanDbContextOptions.Configure(builder, DatabaseOptions.PostgreSql("Host=localhost;Database=bishan_design_time"));
        return new BishanDbContext(builder.Options);
    }
}
