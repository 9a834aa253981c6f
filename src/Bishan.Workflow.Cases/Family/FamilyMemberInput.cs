using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Family;

/// <summary>A guardian or household member as a form or the API sends it: texts, so a wrong choice is a field error with a message.</summary>
public sealed record FamilyMemberInput(string? Name, string? Relationship, bool? IsLegalGuardian, string? Phone, string? Residence,
    string? City, string? Employer, bool? LivesWithMinor);

/// <summary>A member that passed the checks.</summary>
public sealed record ValidFamilyMember(string Name, FamilyRelationship Relationship, bool IsLegalGuardian, string? Phone,
    FamilyResidence Residence, string? City, string? Employer, bool LivesWithMinor);

/// <summary>The checks of <see cref="FamilyMemberInput"/>, shared by the file's family tab and the referral form.</summary>
public static class FamilyMemberChecks
{
    public const int MaxNameLength = 50;
    public const int MaxCityLength = 50;
    public const int MaxEmployerLength = 100;

    /// <summary>
    /// Validates <paramref name="input"/>, adding errors under <paramref name="prefix"/> (<c>family.members[0].</c> at a
    /// referral, empty on the file). Choices outside the lists are named with the lists' labels in the reader's language.
    /// </summary>
    public static ValidFamilyMember? Validate(InputErrors errors, string prefix, FamilyMemberInput? input)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (input is null)
        {
            errors.Add(prefix.TrimEnd('.') is { Length: > 0 } p ? p : "member", UseCaseStrings.Format("Family_MemberMissing"));
            return null;
        }
        var before = ErrorCount(errors);
        var name = Text(errors, prefix, "name", input.Name, MaxNameLength, required: true);
        var relationship = Choice<FamilyRelationship>(errors, prefix, "relationship", input.Relationship, required: true);
        var residence = Choice<FamilyResidence>(errors, prefix, "residence", input.Residence, required: true);
        var city = Text(errors, prefix, "city", input.City, MaxCityLength);
        if (residence == FamilyResidence.OutsideChongqing && city is null)
            errors.Add(prefix + "city", UseCaseStrings.Format("Family_CityRequired"));
        var employer = Text(errors, prefix, "employer", input.Employer, MaxEmployerLength);
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = FamilyPhones.Normalize(input.Phone);
            if (phone is null) errors.Add(prefix + "phone", UseCaseStrings.Format("Family_PhoneInvalid"));
        }
        if (ErrorCount(errors) > before) return null;
        return new ValidFamilyMember(name!, relationship!.Value, input.IsLegalGuardian ?? false, phone, residence!.Value,
            residence == FamilyResidence.OutsideChongqing ? city : null, employer, input.LivesWithMinor ?? false);
    }

    /// <summary>An enum named by its API name or by its label in either language; otherwise the error lists the labels.</summary>
    public static TEnum? Choice<TEnum>(InputErrors errors, string prefix, string field, string? value, bool required = false)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(prefix + field, InputErrors.Message("Field_Required", field));
            return null;
        }
        var text = value.Trim();
        foreach (var option in Enum.GetValues<TEnum>())
            if (string.Equals(option.ToString(), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(DomainLabels.For(option, DomainCultures.Chinese), text, StringComparison.Ordinal)
                || string.Equals(DomainLabels.For(option, DomainCultures.English), text, StringComparison.OrdinalIgnoreCase))
                return option;
        errors.Add(prefix + field, InputErrors.Message("Field_NotOneOf", field,
            InputErrors.ListOf(Enum.GetValues<TEnum>().Select(o => DomainLabels.For(o)))));
        return null;
    }

    private static string? Text(InputErrors errors, string prefix, string field, string? value, int maxLength, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required) errors.Add(prefix + field, InputErrors.Message("Field_Required", field));
        else if (text is not null && text.Length > maxLength) errors.Add(prefix + field, InputErrors.Message("Field_TooLong", field, maxLength));
        return text;
    }

    private static int ErrorCount(InputErrors errors) => errors.Count;
}
