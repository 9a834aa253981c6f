namespace Bishan.Workflow.Cases.DemoData;

/// <summary>What <see cref="DemoDataGenerator"/> produces: the minors and one registration each, in the same order.</summary>
public sealed record DemoDataSet(IReadOnlyList<DemoMinor> Minors, IReadOnlyList<DemoRegistration> Registrations);
