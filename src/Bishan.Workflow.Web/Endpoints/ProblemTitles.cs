using Bishan.Workflow.Web.Ui;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Endpoints;

/// <summary>
/// The title of every problem answer in the reader's language (<c>Problem.{status}</c> in UiText: 输入有误, 无权操作 …), so
/// that the title reads like the detail beneath it. A status without a resource keeps the title it was given.
/// </summary>
internal static class ProblemTitles
{
    public static void Localize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status is not { } status) return;
        var text = context.HttpContext.RequestServices.GetService<IStringLocalizer<UiText>>();
        var title = text?[$"Problem.{status.ToString(System.Globalization.CultureInfo.InvariantCulture)}"];
        if (title is { ResourceNotFound: false }) context.ProblemDetails.Title = title.Value;
    }
}
