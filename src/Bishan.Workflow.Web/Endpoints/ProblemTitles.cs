using System.Globalization;
using Bishan.Workflow.Web.Ui;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Endpoints;

/// <summary>
/// The title of every problem answer in the reader's language (<c>Problem.{status}</c> in UiText: 输入有误, 无权操作 …), so
/// that the title reads like the detail beneath it. Only a generic title is replaced (none, the status's reason phrase or
/// one of the handlers' plain English titles); a title written for the case, such as the sign-in throttle's, stays.
/// </summary>
internal static class ProblemTitles
{
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "Invalid input", "Bad request", "Forbidden", "Not found", "Conflict", "Too large", "Unauthorized", "CJK font missing",
        "One or more validation errors occurred.", "An error occurred while processing your request.",
    };

    public static void Localize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status is not { } status) return;
        var current = context.ProblemDetails.Title;
        if (current is not null && !Generic.Contains(current)
            && !string.Equals(current, ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase))
            return;
        var text = context.HttpContext.RequestServices.GetService<IStringLocalizer<UiText>>();
        var title = text?[$"Problem.{status.ToString(CultureInfo.InvariantCulture)}"];
        if (title is { ResourceNotFound: false }) context.ProblemDetails.Title = title.Value;
    }
}
