using Bishan.Workflow.Cases.Organisation;

namespace Bishan.Workflow.Cases.Incidents;

/// <summary>
/// The units that report incidents (报送单位): 区委政法委 and 区公安局 (offences), 区卫健委 (suicide attempts, deaths seen by
/// hospitals) and 区教委 (what schools learn). Their users record incidents and read their own reports.
/// </summary>
public static class ReportingBodies
{
    public static IReadOnlyList<string> All { get; } =
    [
        OrgUnitIds.PoliticalLegalCommittee,
        OrgUnitIds.PublicSecurityBureau,
        OrgUnitIds.HealthCommission,
        OrgUnitIds.EducationCommission,
    ];

    public static bool Contains(string? orgUnitId) => orgUnitId is not null && All.Contains(orgUnitId, StringComparer.Ordinal);
}
