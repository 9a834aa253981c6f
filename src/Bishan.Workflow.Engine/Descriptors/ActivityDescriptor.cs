namespace Bishan.Workflow.Engine.Descriptors;

/// <summary>Everything the designer needs to draw an activity and its property form.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    LocalizedText CategoryDisplayName,
    LocalizedText DisplayName,
    LocalizedText Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    bool CanStartWorkflow,
    bool IsComposite,
    bool IsTerminal,
    bool Browsable);

public sealed record InputDescriptor(
    string Name,
    string TypeName,
    LocalizedText DisplayName,
    LocalizedText Description,
    string UiHint,
    bool Required,
    IReadOnlyList<string>? Options,
    string? DefaultValue,
    string DefaultSyntax,
    string Kind);

public sealed record OutputDescriptor(string Name, string TypeName, LocalizedText DisplayName);

/// <summary>A text in Chinese (the default UI language) and English.</summary>
public sealed record LocalizedText(string ZhCn, string En)
{
    public string For(string culture) => culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;
}
