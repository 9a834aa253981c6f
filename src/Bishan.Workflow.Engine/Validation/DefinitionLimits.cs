namespace Bishan.Workflow.Engine.Validation;

/// <summary>What a workflow definition may contain, bound from the <see cref="SectionName"/> settings.</summary>
public sealed record DefinitionLimits
{
    public const string SectionName = "Workflows:Definitions";

    /// <summary>Longest identifier (definition id, activity id, variable name); fixed by the issue, not a setting.</summary>
    public const int MaxIdentifierLength = 100;

    /// <summary>Activities in one definition, nested ones included.</summary>
    public int MaxActivities { get; init; } = 500;

    /// <summary>Longest duration an activity may wait (Delay, Timer, due dates); negative ones are always refused.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromDays(3650);
}
