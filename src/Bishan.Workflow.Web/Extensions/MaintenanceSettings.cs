using Bishan.Workflow.Cases.Retention;
using Bishan.Workflow.Infrastructure.Maintenance;
using Bishan.Workflow.Infrastructure.Persistence;

namespace Bishan.Workflow.Web.Extensions;

/// <summary>
/// The <c>Retention</c> and <c>Backup</c> sections, read once at start-up with their <see cref="Problems"/>: a node with a
/// problem (an audit period under three years, say) refuses to start with one log line naming the setting.
/// </summary>
internal sealed record MaintenanceSettings(RetentionOptions Retention, BackupOptions Backup)
{
    public const int ExitInvalidSettings = 4;

    public IReadOnlyList<string> Problems => [.. Retention.Problems(), .. Backup.Problems()];

    public static MaintenanceSettings From(IConfiguration configuration, StorageSettings storage)
    {
        var retention = configuration.GetSection(RetentionOptions.SectionName).Get<RetentionOptions>() ?? new RetentionOptions();
        var section = configuration.GetSection(BackupOptions.SectionName);
        // Relative to the current directory, like Storage:DataDirectory; default: a folder next to the databases.
        var folder = section["Folder"] is { Length: > 0 } f ? Path.GetFullPath(f) : Path.Combine(storage.DataDirectory, "backups");
        var sqlite = storage.Database.Provider == StorageProvider.Sqlite;
        var backup = new BackupOptions(
            folder,
            section.GetValue("Keep", BackupOptions.DefaultKeep),
            section["Cron"] is { Length: > 0 } cron ? cron : BackupOptions.DefaultCron,
            storage.Database.Provider,
            sqlite ? Path.Combine(storage.DataDirectory, BackupService.AppFileName) : null,
            sqlite ? storage.Scheduling.SqliteFilePath : null);
        return new MaintenanceSettings(retention, backup);
    }
}
