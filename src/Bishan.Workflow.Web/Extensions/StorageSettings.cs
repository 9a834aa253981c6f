using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Scheduling;

namespace Bishan.Workflow.Web.Extensions;

/// <summary>
/// Where the data lives, resolved once at start-up: <c>Storage:Provider</c> = <c>Sqlite</c> (the default: files under
/// <c>Storage:DataDirectory</c>) or <c>PostgreSql</c> (everything in <c>ConnectionStrings:Bishan</c>, Hangfire in its own
/// schema there unless <c>ConnectionStrings:Hangfire</c> names another database).
/// </summary>
internal sealed record StorageSettings(string DataDirectory, DatabaseOptions Database, WorkflowSchedulingOptions Scheduling)
{
    public const string ProviderKey = "Storage:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Bishan";
    public const string HangfireConnectionStringKey = "ConnectionStrings:Hangfire";

    public static StorageSettings From(IConfiguration configuration)
    {
        // Relative to the current directory, like every path a user types on the command line.
        var directory = Path.GetFullPath(configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "./data");
        var workers = configuration.GetValue("Hangfire:WorkerCount", 4);
        var invisibility = configuration.GetValue<TimeSpan?>("Hangfire:InvisibilityTimeout");
        var providerText = configuration[ProviderKey];
        var provider = StorageProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"{ProviderKey} is '{providerText}': it must be Sqlite (the default) or PostgreSql.");

        if (provider == StorageProvider.PostgreSql)
        {
            var connectionString = configuration.GetConnectionString("Bishan");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"{ProviderKey} is PostgreSql but {ConnectionStringKey} is empty.");
            var hangfire = configuration.GetConnectionString("Hangfire") is { Length: > 0 } h ? h : connectionString;
            return new StorageSettings(directory, DatabaseOptions.PostgreSql(connectionString),
                new WorkflowSchedulingOptions(StorageProvider.PostgreSql, null, hangfire, workers, invisibility));
        }

        Directory.CreateDirectory(directory);
        var hangfireFile = Path.Combine(directory, "hangfire.db");
        return new StorageSettings(directory, DatabaseOptions.SqliteFile(Path.Combine(directory, "bishan.db")),
            new WorkflowSchedulingOptions(StorageProvider.Sqlite, hangfireFile, null, workers, invisibility));
    }
}
