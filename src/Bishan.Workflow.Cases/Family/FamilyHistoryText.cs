using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.Family;

/// <summary>
/// The history lines of family changes, written once in Chinese like the timeline. Phones appear masked: the history is read
/// by everyone who reads the file.
/// </summary>
public static class FamilyHistoryText
{
    public static string Describe(FamilyMember m)
    {
        var parts = new List<string> { Label(m.Relationship) };
        if (m.IsLegalGuardian) parts.Add(R("FamilyHistory_LegalGuardian"));
        if (m.Phone is { } phone) parts.Add(R("FamilyHistory_PhoneIs", FamilyPhones.Mask(phone)));
        parts.Add(Place(m));
        if (m.Employer is { } employer) parts.Add(R("FamilyHistory_EmployerIs", employer));
        parts.Add(R(m.LivesWithMinor ? "FamilyHistory_LivesWith" : "FamilyHistory_LivesApart"));
        return R("FamilyHistory_Member", m.Name, string.Join(R("FamilyHistory_Separator"), parts));
    }

    /// <summary>The fields of <paramref name="after"/> that differ from <paramref name="before"/>, as “字段：旧 → 新”.</summary>
    public static IReadOnlyList<string> Differences(FamilyMember before, FamilyMember after)
    {
        var lines = new List<string>();
        void Compare(string label, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) lines.Add(R("FamilyHistory_Change", R(label), a ?? "—", b ?? "—"));
        }
        Compare("FieldLabel_name", before.Name, after.Name);
        Compare("FieldLabel_relationship", Label(before.Relationship), Label(after.Relationship));
        Compare("FieldLabel_isLegalGuardian", YesNo(before.IsLegalGuardian), YesNo(after.IsLegalGuardian));
        Compare("FieldLabel_phone", before.Phone is { } p1 ? FamilyPhones.Mask(p1) : null, after.Phone is { } p2 ? FamilyPhones.Mask(p2) : null);
        if (before.Phone is not null && after.Phone is not null && before.Phone != after.Phone
            && FamilyPhones.Mask(before.Phone) == FamilyPhones.Mask(after.Phone))
            lines.Add(R("FamilyHistory_PhoneChanged"));
        Compare("FieldLabel_residence", Place(before), Place(after));
        Compare("FieldLabel_employer", before.Employer, after.Employer);
        Compare("FieldLabel_livesWithMinor", YesNo(before.LivesWithMinor), YesNo(after.LivesWithMinor));
        return lines;
    }

    public static string Place(FamilyMember m) =>
        m.City is { } city ? R("FamilyHistory_PlaceWithCity", Label(m.Residence), city) : Label(m.Residence);

    public static string Label<TEnum>(TEnum value) where TEnum : struct, Enum => DomainLabels.For(value, DomainCultures.Chinese);

    private static string YesNo(bool value) => R(value ? "FamilyHistory_Yes" : "FamilyHistory_No");

    private static string R(string key, params object?[] args) => UseCaseStrings.Record(key, args);
}
