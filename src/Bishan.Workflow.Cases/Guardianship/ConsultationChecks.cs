using System.Globalization;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>Checks of a consultation's dates and of the register's jobs it names, as field errors.</summary>
public static class ConsultationChecks
{
    /// <summary>How far ahead a consultation may be planned.</summary>
    public const int MaxMonthsAhead = 6;

    /// <summary>A yyyy-MM-dd day, not before the day of the proposal (district calendar) and not after <paramref name="latest"/>.</summary>
    public static DateOnly? Day(InputErrors errors, string field, string? text, DateOnly proposedOn, DateOnly latest, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors.Required(field);
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(field, InputErrors.Message("Field_NotADate", field));
            return null;
        }
        if (day < proposedOn)
        {
            errors.Add(field, UseCaseStrings.Format("Guardianship_DateBeforeProposal", Text(proposedOn)));
            return null;
        }
        if (day > latest)
        {
            errors.Add(field, UseCaseStrings.Format("Guardianship_DateTooLate", Text(latest)));
            return null;
        }
        return day;
    }

    /// <summary>
    /// A job of the register that still has a place; when <paramref name="employerId"/> is given, it must be that employer's.
    /// </summary>
    public static async Task<EmployerJob?> JobAsync(ICasesDbContext db, InputErrors errors, string field, long jobId, long? employerId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(errors);
        var job = await db.EmployerJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || (employerId is { } id && job.EmployerId != id))
        {
            errors.Add(field, UseCaseStrings.Format("Guardianship_JobNotEmployers", jobId));
            return null;
        }
        if (!job.HasPlace)
        {
            errors.Add(field, UseCaseStrings.Format("Guardianship_JobFull", job.Title));
            return null;
        }
        return job;
    }

    /// <summary>The Bishan day of a UTC instant.</summary>
    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Time.DistrictCalendar.TimeZone));

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
