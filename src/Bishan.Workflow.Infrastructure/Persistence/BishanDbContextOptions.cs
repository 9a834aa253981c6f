using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Infrastructure.Persistence;

/// <summary>
/// The one place that knows the providers: SQLite gets its per-connection pragmas, PostgreSQL its own migration set;
/// both bump the version of the cases and tasks with every write to them (<see cref="DataStampInterceptor"/>).
/// Nothing SQLite-specific reaches PostgreSQL. No retrying execution strategy is configured: it would refuse the
/// use cases' own transactions; the unit of work retries whole use cases instead (<c>TransientFailures</c>).
/// </summary>
public static class BishanDbContextOptions
{
    private static readonly SqlitePragmaInterceptor Pragmas = new();
    private static readonly DataStampInterceptor Stamps = new();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions database) => database.Provider switch
    {
        StorageProvider.PostgreSql => builder.UseNpgsql(database.ConnectionString,
            o => o.MigrationsAssembly(DatabaseOptions.PostgreSqlMigrationsAssembly)).AddInterceptors(Stamps),
        _ => builder.UseSqlite(database.ConnectionString).AddInterceptors(Pragmas, Stamps),
    };
}
