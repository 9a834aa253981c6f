using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// The one place that knows the providers: SQLite gets its per-connection pragmas, PostgreSQL its own migration set.
/// Nothing SQLite-specific reaches PostgreSQL. No retrying execution strategy is configured: it would refuse the
/// use cases' own transactions; the unit of work retries whole use cases instead (<c>TransientFailures</c>).
/// </summary>
public static class BishanDbContextOptions
{
    private static readonly SqlitePragmaInterceptor Pragmas = new();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions database) => database.Provider switch
    {
        StorageProvider.PostgreSql => builder.UseNpgsql(database.ConnectionString,
            o => o.MigrationsAssembly(DatabaseOptions.PostgreSqlMigrationsAssembly)),
        _ => builder.UseSqlite(database.ConnectionString).AddInterceptors(Pragmas),
    };
}
