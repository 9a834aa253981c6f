using System.Globalization;

namespace Bishan.Workflow.Cases.Retention;

/// <summary>
/// How long personal data, finished workflow instances and the audit log are kept (section <see cref="SectionName"/>).
/// Minors' data are sensitive personal information under the Personal Information Protection Law (PIPL art. 19, 28, 31):
/// kept no longer than the purpose needs, except the audit log, which is kept at least three years.
/// </summary>
public sealed record RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>The audit log may not be kept for less than this (PIPL art. 55–56: records kept at least three years).</summary>
    public const int MinimumAuditLogYears = 3;

    /// <summary>
    /// Years a file keeps the minor's personal fields after the exit (or the closing) without re-entry. Three: the
    /// follow-up reviews after an exit end at six months, and a minor who relapses within the next school years must
    /// still be recognised (duplicate check by ID number) and re-enter with the history; beyond that the file serves
    /// only the statistics, which do not need the person.
    /// </summary>
    public int PersonalDataYearsAfterExit { get; init; } = 3;

    /// <summary>Days after which finished (completed, cancelled, or faulted and then ended) instances and their journals are pruned; the case timeline keeps what users need.</summary>
    public int FinishedInstanceDays { get; init; } = 365;

    /// <summary>Years the audit log is kept; at least <see cref="MinimumAuditLogYears"/>.</summary>
    public int AuditLogYears { get; init; } = 5;

    /// <summary>When the job runs, a cron expression in Asia/Shanghai (default 02:00 every night).</summary>
    public string Cron { get; init; } = "0 2 * * *";

    /// <summary>Rows per transaction when anonymising and pruning, so a large run never holds the database for long.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>What is wrong with these settings, each naming its key; empty when they may be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AuditLogYears < MinimumAuditLogYears)
            problems.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}:AuditLogYears is {1}: the audit log must be kept at least {2} years (Personal Information Protection Law); set {2} or more.",
                SectionName, AuditLogYears, MinimumAuditLogYears));
        if (PersonalDataYearsAfterExit < 1)
            problems.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}:PersonalDataYearsAfterExit is {1}: it must be at least 1, so follow-up reviews and re-entries still find the minor.",
                SectionName, PersonalDataYearsAfterExit));
        if (FinishedInstanceDays < 1)
            problems.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}:FinishedInstanceDays is {1}: it must be at least 1.", SectionName, FinishedInstanceDays));
        if (BatchSize is < 1 or > 10_000)
            problems.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}:BatchSize is {1}: it must be between 1 and 10000.", SectionName, BatchSize));
        if (string.IsNullOrWhiteSpace(Cron))
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}:Cron is empty: give a cron expression such as '0 2 * * *'.", SectionName));
        return problems;
    }

    /// <summary>Files whose exit (or closing) is before this moment lose their personal fields.</summary>
    public DateTime PersonalDataCutoff(DateTime nowUtc) => nowUtc.AddYears(-PersonalDataYearsAfterExit);

    /// <summary>Instances that finished before this moment are pruned.</summary>
    public DateTime InstanceCutoff(DateTime nowUtc) => nowUtc.AddDays(-FinishedInstanceDays);

    /// <summary>Audit entries older than this are deleted.</summary>
    public DateTime AuditCutoff(DateTime nowUtc) => nowUtc.AddYears(-Math.Max(AuditLogYears, MinimumAuditLogYears));
}
