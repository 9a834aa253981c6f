using Bishan.Workflow.Web.Components.Cases;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Components.Designer;

/// <summary>A lint warning in the reader's language.</summary>
public static class LintText
{
    public static string Of(IStringLocalizer localizer, LintWarning warning) => warning.Kind switch
    {
        LintKind.NoInbound => localizer["Designer.LintNoInbound"],
        LintKind.Unreachable => localizer["Designer.LintUnreachable"],
        _ => localizer["Designer.LintDeadEnd", CaseLabels.Outcome(warning.Outcome ?? "")],
    };
}
