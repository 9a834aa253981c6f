using Bishan.Workflow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace so that hosts find AddWorkflowPersistence without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{BishanDbContext}"/> on the chosen provider, a scoped
    /// <see cref="BishanDbContext"/> from it (for ASP.NET Core Identity's stores and the use cases' unit of work),
    /// the <see cref="DatabaseOptions"/>, the <see cref="DatabaseMigrator"/> and, on SQLite, the background checkpoint of the
    /// log (<see cref="SqliteCheckpointer"/>).
    /// </summary>
    public static IServiceCollection AddWorkflowPersistence(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<BishanDbContext>(o => BishanDbContextOptions.ConfigureRuntime(o, database));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BishanDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        // SQLite only: the log's checkpoints off the requests' commits (does nothing on PostgreSQL).
        services.TryAddSingleton(_ => Bishan.Workflow.Infrastructure.Nodes.NodeReadiness.Open());
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    /// <summary>The embedded default: one SQLite file.</summary>
    public static IServiceCollection AddWorkflowPersistence(this IServiceCollection services, string sqliteFilePath) =>
        services.AddWorkflowPersistence(DatabaseOptions.SqliteFile(sqliteFilePath));
}
