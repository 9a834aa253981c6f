using System.Globalization;
using Bishan.Workflow.Infrastructure.Persistence;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>
/// Online backups of both SQLite databases (section <see cref="SectionName"/>); on PostgreSQL the database
/// administrator backs up with <c>pg_dump</c> and these settings are ignored.
/// </summary>
/// <param name="Folder">Where backup sets go (one folder per backup, named by its UTC time).</param>
/// <param name="Keep">How many backup sets are kept; older ones are deleted after each successful backup.</param>
/// <param name="Cron">When the scheduled backup runs, a cron expression in Asia/Shanghai (default 01:30 every night).</param>
/// <param name="Provider">The storage provider; backups run on SQLite only.</param>
/// <param name="AppDatabaseFile">The application database file (<c>bishan.db</c>), SQLite only.</param>
/// <param name="HangfireDatabaseFile">Hangfire's database file (<c>hangfire.db</c>), SQLite only.</param>
public sealed record BackupOptions(
    string Folder,
    int Keep,
    string Cron,
    StorageProvider Provider,
    string? AppDatabaseFile,
    string? HangfireDatabaseFile)
{
    public const string SectionName = "Backup";
    public const int DefaultKeep = 7;
    public const string DefaultCron = "30 1 * * *";

    public bool IsSupported => Provider == StorageProvider.Sqlite && AppDatabaseFile is not null && HangfireDatabaseFile is not null;

    /// <summary>What is wrong with these settings, each naming its key; empty when they may be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsSupported) return problems;
        if (Keep is < 1 or > 1000)
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}:Keep is {1}: keep between 1 and 1000 backups.", SectionName, Keep));
        if (string.IsNullOrWhiteSpace(Cron))
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}:Cron is empty: give a cron expression such as '30 1 * * *'.", SectionName));
        if (string.IsNullOrWhiteSpace(Folder))
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}:Folder is empty.", SectionName));
        return problems;
    }
}
