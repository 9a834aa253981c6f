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
    /// <summary>How many statements each PostgreSQL connection keeps prepared (the app's hot ones fit well within it).</summary>
    public const int AutoPreparedStatements = 256;

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
            // Hangfire gets a pool of its own (another application name makes another Npgsql pool), so that a burst of
            // requests holding the application's connections cannot starve the job workers, and the reverse.
            var hangfire = OwnPool(configuration.GetConnectionString("Hangfire") is { Length: > 0 } h ? h : connectionString,
                "Bishan.Workflow Hangfire");
            connectionString = OwnPool(connectionString, "Bishan.Workflow", prepare: true);
            return new StorageSettings(directory, DatabaseOptions.PostgreSql(connectionString),
                new WorkflowSchedulingOptions(StorageProvider.PostgreSql, null, hangfire, workers, invisibility));
        }

        Directory.CreateDirectory(directory);
        var hangfireFile = Path.Combine(directory, "hangfire.db");
        return new StorageSettings(directory, DatabaseOptions.SqliteFile(Path.Combine(directory, "bishan.db")),
            new WorkflowSchedulingOptions(StorageProvider.Sqlite, hangfireFile, null, workers, invisibility));
    }

    /// <summary>
    /// The connection string with an application name (unless it names one), which also keys its pool. With
    /// <paramref name="prepare"/>, statements the app sends again and again are prepared on each connection (unless the
    /// string sets <c>Max Auto Prepare</c> itself, 0 to turn it off): a use case sends some twenty statements, and the
    /// server then skips parsing and planning them (issue 15).
    /// </summary>
    private static string OwnPool(string connectionString, string applicationName, bool prepare = false)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = applicationName;
            if (prepare && !builder.ContainsKey("Max Auto Prepare"))
            {
                builder.MaxAutoPrepare = AutoPreparedStatements;
                builder.AutoPrepareMinUsages = 2;
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            // Unreadable: the start-up check names the setting and the reason.
            return connectionString;
        }
    }
}
