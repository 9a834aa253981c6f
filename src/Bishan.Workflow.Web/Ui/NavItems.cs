using Bishan.Workflow.Cases.Funding.ListExpenditures;
using Bishan.Workflow.Cases.Vocabulary;
using MudBlazor;

namespace Bishan.Workflow.Web.Ui;

/// <summary>The drawer's sections (issue 4) in the order users see them; the admin ones last.</summary>
public static class NavItems
{
    /// <summary>
    /// Who decides approvals and reads the register's figures: a caseworker neither approves (approvals go to the
    /// coordinating body's supervisors and leaders) nor reads the district's statistics or the funding ledger.
    /// </summary>
    private static readonly IReadOnlyList<string> SteeringRoles = [Roles.Administrator, Roles.Supervisor, Roles.Leader, Roles.Secretary, Roles.Inspector];

    /// <summary>
    /// Any signed-in role: the incident register's page says to whom it is closed (a school sees nothing), and the
    /// reporting bodies' caseworkers record there.
    /// </summary>
    private static readonly IReadOnlyList<string> SignedInRoles =
        [Roles.Administrator, Roles.Supervisor, Roles.Leader, Roles.Secretary, Roles.Caseworker, Roles.Inspector];

    /// <summary>Who reads special reports: the task force (secretary, supervisors), administrators, leaders and 区督查办.</summary>
    /// <summary>Everyone who works on case files; a guidance worker (家庭教育指导员) sees only the families referred to them.</summary>
    private static readonly IReadOnlyList<string> CaseFileRoles = SignedInRoles;

    private static readonly IReadOnlyList<string> FamilyEducationRoles = [.. SignedInRoles, Roles.GuidanceWorker];

    private static readonly IReadOnlyList<string> ReportRoles =
        [Roles.Administrator, Roles.Secretary, Roles.Supervisor, Roles.Leader, Roles.Inspector];

    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("/", "Nav.Dashboard", Icons.Material.Filled.Dashboard),
        new("/inbox", "Nav.Inbox", Icons.Material.Filled.Inbox),
        new("/approvals", "Nav.Approvals", Icons.Material.Filled.FactCheck, Roles: SteeringRoles),
        new("/cases", "Nav.Cases", Icons.Material.Filled.FolderShared, Roles: CaseFileRoles),
        new("/referrals", "Nav.Referrals", Icons.Material.Filled.PersonAddAlt1, Roles: CaseFileRoles),
        new("/family-education", "Nav.FamilyEducation", Icons.Material.Filled.FamilyRestroom, Roles: FamilyEducationRoles),
        new("/meetings", "Nav.Meetings", Icons.Material.Filled.Groups, Roles: CaseFileRoles),
        new("/reports", "Nav.Reports", Icons.Material.Filled.Article, Roles: ReportRoles),
        new("/resource-pool", "Nav.ResourcePool", Icons.Material.Filled.VolunteerActivism, Roles: CaseFileRoles),
        new("/guardianship", "Nav.Guardianship", Icons.Material.Filled.HomeWork, Roles: SignedInRoles),
        new("/funding", "Nav.Funding", Icons.Material.Filled.Payments, Roles: ListExpendituresHandler.ReaderRoles),
        new("/incidents", "Nav.Incidents", Icons.Material.Filled.ReportProblem, Roles: SignedInRoles),
        new("/responsibility", "Nav.Responsibility", Icons.Material.Filled.Checklist, Roles: SteeringRoles),
        new("/statistics", "Nav.Statistics", Icons.Material.Filled.BarChart, Roles: SteeringRoles),
        new("/designer", "Nav.Designer", Icons.Material.Filled.AccountTree, AdminOnly: true),
        new("/instances", "Nav.Instances", Icons.Material.Filled.PlaylistPlay, AdminOnly: true),
        new("/retention", "Nav.Retention", Icons.Material.Filled.Shield, AdminOnly: true),
        new("/criteria", "Nav.Criteria", Icons.Material.Filled.Rule, AdminOnly: true),
        new("/admin/users", "Nav.AdminUsers", Icons.Material.Filled.ManageAccounts, AdminOnly: true),
        new("/admin/org-units", "Nav.AdminOrgUnits", Icons.Material.Filled.AccountBalance, AdminOnly: true),
        new(UiRoutes.Hangfire, "Nav.Hangfire", Icons.Material.Filled.Schedule, AdminOnly: true, External: true),
    ];

    /// <summary>The entries someone with these roles sees (<paramref name="isInRole"/>).</summary>
    public static IEnumerable<NavItem> VisibleTo(Func<string, bool> isInRole) =>
        All.Where(item => (!item.AdminOnly || isInRole(Roles.Administrator)) && (item.Roles is null || item.Roles.Any(isInRole)));
}
