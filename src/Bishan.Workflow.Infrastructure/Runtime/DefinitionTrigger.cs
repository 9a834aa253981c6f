using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Runtime;

namespace Bishan.Workflow.Infrastructure.Runtime;

/// <summary>A trigger found in a definition version; <see cref="Schedule"/> is set for the time-based kinds.</summary>
internal sealed record DefinitionTrigger(ActivityNode Activity, string Name, string? Key, ScheduledTrigger? Schedule);
