namespace Bishan.Workflow.Cases.Model;

/// <summary>
/// A user in one role at their org unit, read from Identity's tables. The domain resolves assignees and
/// notification recipients through these rows without depending on ASP.NET Core Identity. One row per user and role.
/// </summary>
public sealed record StaffMember(string UserId, string UserName, string DisplayName, string? OrgUnitId, string Role);
