namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>What the next retention run would change (the dry run), as of <see cref="AtUtc"/>.</summary>
/// <param name="FileNumbers">The affected files' numbers, masked (<c>BS-2023-**42</c>), at most <see cref="RetentionService.PreviewListLimit"/>.</param>
public sealed record RetentionPreview(
    DateTime AtUtc,
    DateTime PersonalDataCutoffUtc,
    DateTime InstanceCutoffUtc,
    DateTime AuditCutoffUtc,
    int CasesToAnonymise,
    IReadOnlyList<string> FileNumbers,
    int InstancesToPrune,
    int AuditEntriesToDelete,
    RetentionSettingsView Settings,
    RetentionRunResult? LastRun);

/// <summary>The settings in force, shown next to the dry run.</summary>
public sealed record RetentionSettingsView(int PersonalDataYearsAfterExit, int FinishedInstanceDays, int AuditLogYears, string Cron);

/// <summary>What a run changed; also the detail of its audit entry.</summary>
public sealed record RetentionRunResult(DateTime AtUtc, string? RunBy, int CasesAnonymised, int InstancesPruned, int JournalEntriesPruned, int AuditEntriesDeleted);
