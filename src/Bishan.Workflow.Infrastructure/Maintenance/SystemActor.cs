using Bishan.Workflow.Cases.Access;

namespace Bishan.Workflow.Infrastructure.Maintenance;

/// <summary>Who a scheduled maintenance job acts as in the audit log: nobody signed in, the system itself.</summary>
public sealed class SystemActor : ICurrentUser
{
    public static SystemActor Instance { get; } = new();

    public string? UserId => null;
    public string? UserName => "system";
    public IReadOnlyCollection<string> Roles { get; } = [Bishan.Workflow.Cases.Vocabulary.Roles.Administrator];
    public string? OrgUnitId => null;
    public string? IpAddress => null;
}
