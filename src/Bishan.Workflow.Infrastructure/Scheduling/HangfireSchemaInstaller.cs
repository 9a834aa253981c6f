using Bishan.Workflow.Infrastructure.Persistence;
using Hangfire.PostgreSql;
using Npgsql;

namespace Bishan.Workflow.Infrastructure.Scheduling;

/// <summary>
/// Installs or upgrades Hangfire's PostgreSQL schema. Hangfire.PostgreSql 1.21 would do it in every server's storage
/// constructor, and two nodes doing so at the same moment collide (23505 on its schema table); so the storage is
/// built with <c>PrepareSchemaIfNecessary = false</c> and start-up calls this once, under the start-up lock, before
/// anything reads or writes a job. On SQLite there is nothing to do: that storage creates its tables itself, and
/// only one process uses the file.
/// </summary>
public sealed class HangfireSchemaInstaller(WorkflowSchedulingOptions options)
{
    public const string SchemaName = "hangfire";

    public async Task InstallAsync(CancellationToken ct)
    {
        if (options.Provider != StorageProvider.PostgreSql) return;
        await using var connection = new NpgsqlConnection(options.PostgreSqlConnectionString);
        await connection.OpenAsync(ct);
        // Idempotent: it applies only the script versions the schema table does not have yet.
        PostgreSqlObjectsInstaller.Install(connection, SchemaName);
    }
}
