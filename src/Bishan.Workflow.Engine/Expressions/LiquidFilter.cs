namespace Bishan.Workflow.Engine.Expressions;

/// <summary>
/// A text filter the host adds to Liquid (<c>{{ value | name }}</c>), e.g. the case domain's <c>label</c>, which turns a
/// code such as <c>Severe</c> into the words people read. The engine knows no filter of its own beyond Fluid's.
/// </summary>
public sealed record LiquidFilter(string Name, Func<string, string> Apply);
