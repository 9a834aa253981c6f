using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;

namespace Bishan.Workflow.Engine.Validation;

/// <summary>
/// Checks one activity with knowledge the engine does not have: a host's vocabulary, such as who may be assigned a task
/// or which organisation units exist. <see cref="WorkflowValidator"/> runs every registered validator on every activity of
/// a known type, after its own checks, and lists their errors with its own, so saving, publishing and the designer see them
/// alike. Register implementations in DI as <see cref="IActivityValidator"/> (several may be registered).
/// </summary>
public interface IActivityValidator
{
    /// <summary>The problems of <paramref name="node"/>; empty when it has none or the validator has nothing to say about its type.</summary>
    IEnumerable<ValidationError> Validate(ActivityNode node, ActivityDescriptor descriptor);
}
