using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

// In the DI namespace so that hosts find AddWorkflowPersistence without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{BishanDbContext}"/> on a SQLite file, a scoped
    /// <see cref="BishanDbContext"/> from it (for ASP.NET Core Identity's stores) and the <see cref="DatabaseMigrator"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowPersistence(this IServiceCollection services, string sqliteFilePath)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(sqliteFilePath),
            Pooling = true,
        }.ToString();
        var pragmas = new SqlitePragmaInterceptor();
        services.AddPooledDbContextFactory<BishanDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(pragmas));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }
}
