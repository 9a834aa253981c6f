using Bishan.Workflow.Infrastructure.Persistence.CompiledModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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

    /// <summary>
    /// <see cref="Configure"/> with the provider's compiled model (<see cref="BishanCompiledModels"/>), for the running app:
    /// no model is built at start-up. The design-time factories use <see cref="Configure"/>, so that `dotnet ef` always
    /// works from <c>OnModelCreating</c>. Migrate's own check for model changes missing from the migrations is not made
    /// at start-up (it builds that model again, about a second of CPU); <c>MigrationsFacts</c> makes it in the tests.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureRuntime(DbContextOptionsBuilder builder, DatabaseOptions database) =>
        Configure(builder, database)
            .UseModel(BishanCompiledModels.For(database.Provider))
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
