namespace Bishan.Workflow.Engine.Expressions;

/// <summary>Sandbox limits of one JavaScript evaluation.</summary>
public sealed record JavaScriptOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    public long MemoryLimitBytes { get; init; } = 32 * 1024 * 1024;
    public int MaxStatements { get; init; } = 1_000_000;
    public int MaxRecursionDepth { get; init; } = 256;
    public uint MaxArraySize { get; init; } = 100_000;
}
