using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Reports.GetSpecialReport;

/// <summary>
/// Reads one special report with its read receipts (audited <c>report.read</c>). A recipient's first reading of a signed report
/// is recorded (the receipt) and completes their inbox item, so it is a command: it writes in the use case's transaction.
/// </summary>
public sealed record GetSpecialReport(string Id) : ICommand<SpecialReportView>;

public sealed class GetSpecialReportHandler(ICasesDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<GetSpecialReport, SpecialReportView>
{
    public async ValueTask<SpecialReportView> Handle(GetSpecialReport command, CancellationToken cancellationToken)
    {
        var report = await ReportAccess.LoadReadableAsync(db, user, command.Id, cancellationToken);
        await RecordReadingAsync(db, user, report, time.GetUtcNow().UtcDateTime, cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.ReportRead, nameof(SpecialReport), report.Id, report.NumberText);
        await db.SaveChangesAsync(cancellationToken);
        return await SpecialReportView.OfAsync(db, user, report, cancellationToken);
    }

    /// <summary>The reader's receipt (first reading only) and their inbox item, done.</summary>
    internal static async Task RecordReadingAsync(ICasesDbContext db, ICurrentUser user, SpecialReport report, DateTime now, CancellationToken ct)
    {
        if (report.Status != SpecialReportStatus.Issued) return;
        if (report.Recipients.FirstOrDefault(r => string.Equals(r.UserId, user.UserId, StringComparison.Ordinal)) is not { ReadAtUtc: null } receipt) return;
        receipt.ReadAtUtc = now;
        if (receipt.TaskId is { } taskId
            && await db.WorkTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.Status == WorkTaskStatus.Open, ct) is { } task)
        {
            task.Status = WorkTaskStatus.Completed;
            task.CompletedAtUtc = now;
            task.CompletedByUserId = user.UserId;
            task.Outcome = "Read";
        }
    }
}
