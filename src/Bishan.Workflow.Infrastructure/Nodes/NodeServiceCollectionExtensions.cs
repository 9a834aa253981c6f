using Bishan.Workflow.Infrastructure.Nodes;
using Bishan.Workflow.Infrastructure.Persistence;

// In the DI namespace so that hosts find AddNodeCoordination without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class NodeServiceCollectionExtensions
{
    /// <summary>The <see cref="IStartupLock"/> for the provider: an advisory lock on PostgreSQL, in-process on SQLite.</summary>
    public static IServiceCollection AddNodeCoordination(this IServiceCollection services, DatabaseOptions database)
    {
        if (database.IsPostgreSql) services.AddSingleton<IStartupLock, PostgresStartupLock>();
        else services.AddSingleton<IStartupLock, InProcessStartupLock>();
        return services;
    }
}
