using System.Text.Json;
using Microsoft.Extensions.Localization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Activities.Scheduling;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Expressions;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>
/// The error an input editor shows while the administrator types, from the same checks the validator runs at
/// publish time (expression syntax, cron, duration, script, options), so what is red here is what publishing refuses.
/// </summary>
public static class DesignerInputChecks
{
    public static string? Error(InputDescriptor input, string syntax, string? text, IStringLocalizer? localizer = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        switch (syntax)
        {
            case "JavaScript" or "Liquid":
                return ExpressionEvaluator.CheckSyntax(new InputValue(input.TypeName, syntax, JsonValue.Create(text)));
            case "Variable":
                return null;
            case "Object":
                try
                {
                    JsonNode.Parse(text);
                    return null;
                }
                catch (JsonException ex)
                {
                    return ex.Message;
                }
        }
        return input.Kind switch
        {
            nameof(InputKind.CronExpression) => CronSchedule.TryParse(text, out _, out var cronError) ? null : cronError,
            nameof(InputKind.Duration) => ValueConverter.ToTimeSpan(JsonValue.Create(text)) is null
                ? Say(localizer, "Designer.InputNotDuration", $"'{text}' is not a duration (ISO 8601 such as P7D or PT5M, or hh:mm:ss).", text)
                : null,
            nameof(InputKind.Script) => JavaScriptEvaluator.CheckSyntax(text),
            _ when input.Options is { Count: > 0 } options && !options.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase) =>
                Say(localizer, "Designer.InputNotAnOption", $"'{text}' is not one of {string.Join(", ", options)}.", text, string.Join(", ", options)),
            _ => null,
        };
    }

    private static string Say(IStringLocalizer? localizer, string key, string english, params object[] args) =>
        localizer?[key, args] is { ResourceNotFound: false } text ? text.Value : english;
}
