using System.Globalization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.FamilyEducation;

/// <summary>The comma-separated lists a referral and a session keep (kinds of guidance, family member ids).</summary>
public static class GuidanceKinds
{
    public static IReadOnlyList<GuidanceKind> Parse(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<GuidanceKind>(s, out var k) ? k : (GuidanceKind?)null).OfType<GuidanceKind>()];

    public static string Store(IEnumerable<GuidanceKind> kinds) => string.Join(',', kinds.Distinct().Order());

    public static IReadOnlyList<long> Ids(string? stored) =>
        [.. (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()];

    public static string StoreIds(IEnumerable<long> ids) => string.Join(',', ids.Distinct().Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
