using System.Globalization;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Family;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>An employer as the register's form or the API sends it (the whole record, jobs included).</summary>
public sealed record EmployerInput(string? Name, string? Industry, string? ContactPerson, string? ContactPhone, bool? CooperationSigned,
    string? SignedOn, IReadOnlyList<EmployerJobInput>? Jobs);

/// <summary>A job: <see cref="Id"/> names a job already on the register (kept), none adds one.</summary>
public sealed record EmployerJobInput(long? Id, string? Title, int? Openings, bool? Open);

/// <summary>An employer that passed the checks.</summary>
public sealed record ValidEmployer(string Name, string Industry, string ContactPerson, string ContactPhone, bool CooperationSigned,
    DateOnly? SignedOn, IReadOnlyList<EmployerJobInput> Jobs);

public static class EmployerChecks
{
    public const int MaxNameLength = 100;
    public const int MaxIndustryLength = 50;
    public const int MaxContactLength = 50;
    public const int MaxTitleLength = 100;
    public const int MaxJobs = 50;
    public const int MaxOpenings = 1000;

    /// <summary>400 field errors in the reader's language: required texts, a mainland phone, a signing date not in the future.</summary>
    public static ValidEmployer Validate(EmployerInput? input, DateOnly today)
    {
        var errors = new InputErrors();
        input ??= new EmployerInput(null, null, null, null, null, null, null);
        var name = errors.Text("name", input.Name, MaxNameLength, required: true);
        var industry = errors.Text("industry", input.Industry, MaxIndustryLength, required: true);
        var contact = errors.Text("contactPerson", input.ContactPerson, MaxContactLength, required: true);
        string? phone = null;
        if (string.IsNullOrWhiteSpace(input.ContactPhone)) errors.Required("contactPhone");
        else if ((phone = FamilyPhones.Normalize(input.ContactPhone)) is null)
            errors.Add("contactPhone", UseCaseStrings.Format("Guardianship_PhoneInvalid"));
        var signed = input.CooperationSigned ?? false;
        DateOnly? signedOn = null;
        if (!string.IsNullOrWhiteSpace(input.SignedOn))
        {
            if (!DateOnly.TryParseExact(input.SignedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add("signedOn", InputErrors.Message("Field_NotADate", "signedOn"));
            else if (date > today) errors.Add("signedOn", UseCaseStrings.Format("Guardianship_SignedInFuture"));
            else signedOn = date;
        }
        if (signed && signedOn is null && !errors.Any) errors.Add("signedOn", UseCaseStrings.Format("Guardianship_SignedOnRequired"));
        var jobs = input.Jobs ?? [];
        if (jobs.Count > MaxJobs) errors.Add("jobs", UseCaseStrings.Format("Guardianship_TooManyJobs", MaxJobs));
        for (var i = 0; i < jobs.Count && i < MaxJobs; i++)
        {
            var prefix = $"jobs[{i.ToString(CultureInfo.InvariantCulture)}].";
            var title = jobs[i]?.Title;
            if (string.IsNullOrWhiteSpace(title)) errors.Add(prefix + "jobTitle", InputErrors.Message("Field_Required", "jobTitle"));
            else if (title.Trim().Length > MaxTitleLength) errors.Add(prefix + "jobTitle", InputErrors.Message("Field_TooLong", "jobTitle", MaxTitleLength));
            if (jobs[i]?.Openings is not { } openings) errors.Add(prefix + "openings", InputErrors.Message("Field_Required", "openings"));
            else if (openings is < 1 or > MaxOpenings) errors.Add(prefix + "openings", UseCaseStrings.Format("Guardianship_OpeningsRange", MaxOpenings));
        }
        errors.ThrowIfAny();
        return new ValidEmployer(name!, industry!, contact!, phone!, signed, signed ? signedOn : null,
            jobs.Select(j => j with { Title = j.Title!.Trim() }).ToList());
    }
}
