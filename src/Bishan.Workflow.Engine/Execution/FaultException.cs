namespace Bishan.Workflow.Engine.Execution;

/// <summary>Thrown by Elsa.Fault: faults the instance with an incident carrying the code.</summary>
public sealed class FaultException(string? code, string? category, string? faultType, string message) : Exception(message)
{
    public string? Code { get; } = code;
    public string? Category { get; } = category;
    public string FaultType { get; } = string.IsNullOrEmpty(faultType) ? "System" : faultType;
}
