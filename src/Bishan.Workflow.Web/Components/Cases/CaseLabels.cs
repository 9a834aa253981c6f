using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Web.Ui;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Bishan.Workflow.Web.Components.Cases;

/// <summary>How task kinds, outcomes and org units read on the pages, in the user's language.</summary>
public static class CaseLabels
{
    /// <summary>An approval reads as its subject (升级审批, 出库审批); other kinds from the UI's texts.</summary>
    public static string Kind(IStringLocalizer t, string kind) =>
        kind.StartsWith(WorkTaskKinds.ApprovalPrefix, StringComparison.Ordinal)
        && Enum.TryParse<ApprovalSubject>(kind[WorkTaskKinds.ApprovalPrefix.Length..], out var subject)
            ? DomainLabels.For(subject)
            : t.Or($"TaskKind.{kind}", kind);

    /// <summary>An outcome button's text in the user's language; see <see cref="DomainLabels.ForOutcome"/>.</summary>
    public static string Outcome(string outcome) => DomainLabels.ForOutcome(outcome);

    /// <summary>Positive outcomes are the filled button; refusing ones red, sending back amber.</summary>
    public static Color OutcomeColor(string outcome) => outcome switch
    {
        ApprovalActivity.Rejected or "NotEligible" or "Withdraw" or "Relapse" or "CriteriaNotMet" => Color.Error,
        ApprovalActivity.SentBack or "ContinueHelp" => Color.Warning,
        _ => Color.Primary,
    };

    public static bool NeedsComment(string kind, string outcome) =>
        WorkTaskKinds.IsApproval(kind) && outcome is ApprovalActivity.Rejected or ApprovalActivity.SentBack;

    public static string Unit(OrgTree tree, string? id) => id is not null && tree.Find(id) is { } unit ? unit.Name : id ?? "—";
}
