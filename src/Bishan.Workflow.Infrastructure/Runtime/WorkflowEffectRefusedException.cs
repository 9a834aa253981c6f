namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>
/// Thrown by an <see cref="IWorkflowEffectHandler"/> that will not apply an effect (a domain gate): the pass is not
/// written and the instance faults with an incident carrying <see cref="Exception.Message"/> and <see cref="Code"/>.
/// </summary>
public sealed class WorkflowEffectRefusedException(string message, string? code = null, string? nodeId = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>A stable code for the incident, e.g. <c>RegistrationNotApproved</c>.</summary>
    public string? Code { get; } = code;

    /// <summary>The node that emitted the refused effect, when known.</summary>
    public string? NodeId { get; } = nodeId;
}
