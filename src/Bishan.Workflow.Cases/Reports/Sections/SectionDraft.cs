namespace Bishan.Workflow.Cases.Reports.Sections;

/// <summary>A drafted section: heading without its number, and the body (several lines).</summary>
public sealed record SectionDraft(string Heading, string Body);
