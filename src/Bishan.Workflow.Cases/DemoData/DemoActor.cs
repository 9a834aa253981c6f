using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Model;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>A demo staff member acting through a use case while the demo is loaded (no one is signed in then).</summary>
internal sealed class DemoActor(StaffMember member) : ICurrentUser
{
    public string? UserId => member.UserId;
    public string? UserName => member.UserName;
    public IReadOnlyCollection<string> Roles { get; } = [member.Role];
    public string? OrgUnitId => member.OrgUnitId;
    public string? IpAddress => null;
}
