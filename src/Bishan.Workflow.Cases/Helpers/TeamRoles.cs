using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Helpers;

/// <summary>The roles on a helper team the UI offers; other short texts are kept as written.</summary>
public static class TeamRoles
{
    public const string Lead = "Lead";
    public const string Member = "Member";

    /// <summary>The Chinese word for the timeline (组长, 成员), or the text itself.</summary>
    public static string Label(string role) => role switch
    {
        _ when string.Equals(role, Lead, StringComparison.OrdinalIgnoreCase) => UseCaseStrings.Record("TeamRole_Lead"),
        _ when string.Equals(role, Member, StringComparison.OrdinalIgnoreCase) => UseCaseStrings.Record("TeamRole_Member"),
        _ => role,
    };
}
