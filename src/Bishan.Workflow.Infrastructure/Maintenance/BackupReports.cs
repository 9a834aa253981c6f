using Bishan.Workflow.Infrastructure.Persistence;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>The backups an administrator sees: where they go, how many are kept, and the sets there, newest first.</summary>
/// <param name="Supported">False on PostgreSQL: the database administrator backs up (pg_dump); <see cref="Message"/> says so.</param>
public sealed record BackupOverview(
    StorageProvider Provider,
    bool Supported,
    string? Message,
    string? Folder,
    int Keep,
    string? Cron,
    IReadOnlyList<BackupSet> Backups);

/// <summary>One backup: both databases copied at one moment.</summary>
public sealed record BackupSet(string Name, DateTime CreatedAtUtc, long SizeBytes, IReadOnlyList<BackupFile> Files);

public sealed record BackupFile(string Name, long SizeBytes);
