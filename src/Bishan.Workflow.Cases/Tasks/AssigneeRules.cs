namespace Bishan.Workflow.Cases.Tasks;

/// <summary>
/// Who gets a task, resolved from the case when the task is created: the case's caseworker, the supervisor
/// of its coordinating body, the supervisor one tier up, a role in an org unit (<c>role:Secretary@task-force</c>)
/// or a named user (<c>user:zhangsan</c>).
/// </summary>
public static class AssigneeRules
{
    public const string CaseCaseworker = "case.caseworker";
    public const string CaseCoordinator = "case.coordinator";
    public const string CaseCoordinatorUp = "case.coordinator.up";
    public const string TaskForceSecretary = "role:Secretary@task-force";
}
