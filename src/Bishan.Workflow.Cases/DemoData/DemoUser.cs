namespace Bishan.Workflow.Cases.DemoData;

/// <summary>One demo account: login, the name shown, its one role and its one org unit.</summary>
public sealed record DemoUser(string UserName, string DisplayName, string Role, string OrgUnitId);
