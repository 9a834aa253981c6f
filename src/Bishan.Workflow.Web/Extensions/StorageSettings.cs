using Bishan.Workflow.Infrastructure.Scheduling;

namespace Bishan.Workflow.Web.Extensions;

/// <summary>Where the data lives, resolved once at start-up from <c>Storage:*</c>.</summary>
internal sealed record StorageSettings(string DataDirectory, string DatabaseFile, string HangfireFile, WorkflowSchedulingOptions Scheduling)
{
    public static StorageSettings From(IConfiguration configuration)
    {
        // Relative to the current directory, like every path a user types on the command line.
        var directory = Path.GetFullPath(configuration["Storage:DataDirectory"] is { Length: > 0 } d ? d : "./data");
        Directory.CreateDirectory(directory);
        var hangfireFile = Path.Combine(directory, "hangfire.db");
        var provider = Enum.TryParse<HangfireStorageProvider>(configuration["Storage:Provider"], ignoreCase: true, out var p)
            ? p
            : HangfireStorageProvider.Sqlite;
        var scheduling = new WorkflowSchedulingOptions(provider, hangfireFile,
            configuration.GetConnectionString("Hangfire"),
            configuration.GetValue("Hangfire:WorkerCount", 4));
        return new StorageSettings(directory, Path.Combine(directory, "bishan.db"), hangfireFile, scheduling);
    }
}
