using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Approvals;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks.CompleteTask;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports.SignOffSpecialReport;

/// <summary>
/// The task-force head signs a submitted report off (<c>Sign</c>) or returns it to the drafter (<c>Return</c>, with the reason):
/// this completes the sign-off approval task of the <c>special-report</c> workflow, exactly as the inbox does, so the workflow
/// signs and sends it (or returns it). A report signed already, or not submitted, answers 409 with the reason; who does not
/// hold the approval task gets 403.
/// </summary>
public sealed record SignOffSpecialReport(string Id, string? Decision, string? Reason) : ICommand<SpecialReportView>;

public sealed class SignOffSpecialReportHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time, IMediator mediator)
    : ICommandHandler<SignOffSpecialReport, SpecialReportView>
{
    public const string Sign = "Sign";
    public const string Return = "Return";

    public async ValueTask<SpecialReportView> Handle(SignOffSpecialReport command, CancellationToken cancellationToken)
    {
        ReportAccess.EnsureMayRead(user);
        var report = await ReportAccess.LoadAsync(db, command.Id, cancellationToken);
        var errors = new InputErrors();
        // No default: a report goes to the leading group only on an explicit Sign.
        var decision = command.Decision?.Trim() switch
        {
            var d when string.Equals(d, Sign, StringComparison.OrdinalIgnoreCase) => Sign,
            var d when string.Equals(d, Return, StringComparison.OrdinalIgnoreCase) => Return,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(command.Decision)) errors.Required("decision");
        else if (decision is null) errors.Add("decision", InputErrors.Message("Field_NotOneOf", "decision", $"{Sign}, {Return}"));
        var reason = errors.Text("reason", command.Reason, CompleteTaskHandler.MaxCommentLength, required: decision == Return);
        errors.ThrowIfAny();

        if (report.Status == SpecialReportStatus.Issued)
        {
            var names = await StaffNames.LoadAsync(db, [report.SignedByUserId], cancellationToken);
            throw new ConflictException(UseCaseStrings.Format("Report_SignedTwice", report.NumberText, names.Of(report.SignedByUserId),
                report.SignedAtUtc is { } at ? Workflow.CaseTexts.LocalTime(at) : ""));
        }
        if (report.Status != SpecialReportStatus.Submitted || report.InstanceId is not { } instance)
            throw new ConflictException(UseCaseStrings.Format("Report_NotSubmitted", report.NumberText));
        var kind = WorkTaskKinds.Approval(ApprovalSubject.SpecialReport);
        var task = await db.WorkTasks.AsNoTracking()
                       .FirstOrDefaultAsync(t => t.InstanceId == instance && t.Status == WorkTaskStatus.Open && t.Kind == kind, cancellationToken)
                   ?? throw new ConflictException(UseCaseStrings.Format("Report_NotSubmitted", report.NumberText));
        if (!TaskAccess.Holds(user, task)) throw new ForbiddenException(UseCaseStrings.Format("Report_SignOffForbidden", report.NumberText));

        await mediator.Send(new CompleteTask(task.Id, decision == Sign ? ApprovalActivity.Approved : ApprovalActivity.SentBack, null, reason),
            cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.ReportSignOff, nameof(SpecialReport), report.Id, $"{decision} {report.NumberText}");
        await db.SaveChangesAsync(cancellationToken);
        var fresh = await db.SpecialReports.AsNoTracking().Include(r => r.Sections).Include(r => r.Recipients)
            .FirstAsync(r => r.Id == report.Id, cancellationToken);
        return await SpecialReportView.OfAsync(db, user, fresh, cancellationToken);
    }
}
