using System.Globalization;
using Bishan.Workflow.Engine.Validation;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Ui;

/// <summary>
/// The workflow validator's messages in the reader's language (issue 14): <c>DesignerValidation.{code}</c> in UiText,
/// formatted in the current UI culture (the request's for the API, the circuit's for the designer).
/// </summary>
internal sealed class UiValidationMessages(IStringLocalizer<UiText> text) : IValidationMessages
{
    public string? Format(string code, IReadOnlyList<object?> args)
    {
        var format = text[$"DesignerValidation.{code}"];
        return format.ResourceNotFound
            ? null
            : string.Format(CultureInfo.CurrentCulture, format.Value, [.. args]);
    }
}
