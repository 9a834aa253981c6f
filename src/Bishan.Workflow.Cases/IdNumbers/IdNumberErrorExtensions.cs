using System.Globalization;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.IdNumbers;

/// <summary>Human-readable messages for <see cref="IdNumberError"/>, in Chinese or English, from the domain resources.</summary>
public static class IdNumberErrorExtensions
{
    /// <summary>The message to show next to the ID-number field; empty for <see cref="IdNumberError.None"/>.</summary>
    public static string Describe(this IdNumberError error, CultureInfo? culture = null) =>
        error == IdNumberError.None
            ? string.Empty
            : DomainStrings.Find($"{nameof(IdNumberError)}_{error}", culture) ?? error.ToString();
}
