using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BishanDbContext>
{
    public BishanDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BishanDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
