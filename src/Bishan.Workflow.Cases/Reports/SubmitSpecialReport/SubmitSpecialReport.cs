using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Engine.Runtime;
using Mediator;

namespace Bishan.Workflow.Cases.Reports.SubmitSpecialReport;

/// <summary>
/// The drafter submits a draft (or a returned report) for sign-off: the published <c>special-report</c> workflow opens the
/// task-force head's approval task (correlation id = report id). A report with an empty section is refused at that section.
/// </summary>
public sealed record SubmitSpecialReport(string Id) : ICommand<SpecialReportView>;

public sealed class SubmitSpecialReportHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time, IWorkflowRuntime runtime, CaseWorkflows workflows)
    : ICommandHandler<SubmitSpecialReport, SpecialReportView>
{
    public const string Definition = "special-report";

    public async ValueTask<SpecialReportView> Handle(SubmitSpecialReport command, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureMayDraft(user);
        var report = await ReportAccess.LoadAsync(db, command.Id, cancellationToken);
        ReportAccess.EnsureDrafterMayChange(user, report, await StaffNames.LoadAsync(db, [report.DraftedByUserId], cancellationToken));
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(report.Title)) errors.Required("title");
        var sections = report.Sections.OrderBy(s => s.Position).ToList();
        for (var i = 0; i < sections.Count; i++)
            if (string.IsNullOrWhiteSpace(sections[i].Body))
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"sections[{i}].body"), UseCaseStrings.Format("Report_SectionBodyRequired", sections[i].Heading));
        if (sections.Count == 0) errors.Required("sections");
        errors.ThrowIfAny();

        await workflows.EnsurePublishedAsync(Definition, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        report.Status = SpecialReportStatus.Submitted;
        report.SubmittedAtUtc = now;
        report.UpdatedAtUtc = now;
        report.ReturnReason = null;
        report.ReturnedAtUtc = null;
        report.ReturnedByUserId = null;
        await db.SaveChangesAsync(cancellationToken);
        var instance = await runtime.StartAsync(Definition, new Dictionary<string, JsonNode?>
        {
            ["reportId"] = report.Id, ["reportNumber"] = report.NumberText, ["reportTitle"] = report.Title,
        }, correlationId: report.Id, cancellationToken);
        await workflows.EnsureNotRefusedAsync(instance, cancellationToken);
        report.InstanceId = instance.Id;
        AuditLog.Add(db, user, time, AuditActions.ReportSubmit, nameof(SpecialReport), report.Id, report.NumberText);
        await db.SaveChangesAsync(cancellationToken);
        return await SpecialReportView.OfAsync(db, user, report, cancellationToken);
    }
}
