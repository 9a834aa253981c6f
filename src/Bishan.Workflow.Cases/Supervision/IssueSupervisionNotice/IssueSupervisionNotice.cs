using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Runtime;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Supervision.IssueSupervisionNotice;

/// <summary>
/// 区督查办 issues a supervision notice (督办) to a unit about an overdue task or a case: what to put right and by when. Starts
/// the published `supervision` workflow (the unit's supervisors get the answer task; unanswered at the deadline it escalates
/// to the leading group). 400 for missing or bad fields (a deadline is required and not in the past); 409 for a retired unit,
/// a unit without a supervisor to answer, or the workflow not published. Audited <c>supervision.issue</c>.
/// </summary>
public sealed record IssueSupervisionNotice(string? UnitId, string? CaseFileNumber, string? TaskId, string? Subject, string? Requirement, string? Deadline)
    : ICommand<SupervisionNoticeView>;

public sealed class IssueSupervisionNoticeHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, IWorkflowRuntime runtime,
    CaseWorkflows workflows) : ICommandHandler<IssueSupervisionNotice, SupervisionNoticeView>
{
    public const int MaxSubjectLength = 200;
    public const int MaxRequirementLength = 2000;

    public async ValueTask<SupervisionNoticeView> Handle(IssueSupervisionNotice command, CancellationToken cancellationToken)
    {
        SupervisionAccess.EnsureMayIssue(user);
        var errors = new InputErrors();
        var unitId = errors.Text("unitId", command.UnitId, 64, required: true);
        var unit = unitId is null ? null : tree.Find(unitId);
        if (unitId is not null && unit is null) errors.Add("unitId", UseCaseStrings.Format("OrgUnitNotInTree", unitId));
        var subject = errors.Text("subject", command.Subject, MaxSubjectLength, required: true);
        var requirement = errors.Text("requirement", command.Requirement, MaxRequirementLength, required: true);
        var today = DistrictCalendar.Today(time);
        DateOnly? deadline = null;
        if (string.IsNullOrWhiteSpace(command.Deadline)) errors.Required("deadline");
        else if (!DateOnly.TryParseExact(command.Deadline.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            errors.Add("deadline", InputErrors.Message("SupervisionDeadlineInvalid", "deadline"));
        else if (d < today) errors.Add("deadline", InputErrors.Message("SupervisionDeadlineInPast", "deadline"));
        else deadline = d;

        Case? @case = null;
        if (!string.IsNullOrWhiteSpace(command.CaseFileNumber))
        {
            var number = command.CaseFileNumber.Trim();
            @case = await db.Cases.FirstOrDefaultAsync(c => c.FileNumber == number, cancellationToken);
            if (@case is null) errors.Add("caseFileNumber", UseCaseStrings.Format("SupervisionCaseUnknown", number));
        }
        WorkTask? task = null;
        if (!string.IsNullOrWhiteSpace(command.TaskId))
        {
            task = await db.WorkTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == command.TaskId.Trim(), cancellationToken);
            if (task is null) errors.Add("taskId", UseCaseStrings.Format("Task_NotFound", command.TaskId.Trim()));
        }
        errors.ThrowIfAny();

        if (unit!.Retired) throw new ConflictException(UseCaseStrings.Format("OrgUnitRetiredNoNewWork", unit.Name));
        var staff = await StaffDirectory.LoadAsync(db, cancellationToken);
        if (staff.InRole(Roles.Supervisor, unit.Id).Count == 0) throw new ConflictException(UseCaseStrings.Format("SupervisionNoSupervisor", unit.Name));
        await workflows.EnsurePublishedAsync(SupervisionState.Definition, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var deadlineUtc = TimeZoneInfo.ConvertTimeToUtc(deadline!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), DistrictCalendar.TimeZone);
        var caseId = @case?.Id ?? task?.CaseId;
        var year = DistrictCalendar.Today(time).Year;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"督办〔{year}〕");
        var count = await db.SupervisionNotices.CountAsync(n => n.Number.StartsWith(prefix), cancellationToken);
        var notice = new SupervisionNotice
        {
            Id = Guid.NewGuid().ToString("N"),
            Number = string.Create(CultureInfo.InvariantCulture, $"{prefix}{count + 1}号"),
            UnitId = unit.Id, CaseId = caseId, TaskId = task?.Id, Subject = subject!, Requirement = requirement!,
            DeadlineOn = deadline.Value, DeadlineAtUtc = deadlineUtc, IssuedByUserId = user.UserId ?? "", IssuedAtUtc = now,
        };
        var inputs = new Dictionary<string, JsonNode?>
        {
            ["noticeId"] = notice.Id, ["number"] = notice.Number, ["unitId"] = unit.Id, ["unitName"] = unit.Name, ["caseId"] = caseId ?? "",
            ["subject"] = notice.Subject, ["requirement"] = notice.Requirement,
            ["deadline"] = new DateTimeOffset(deadlineUtc, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
            ["deadlineOn"] = deadline.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var instance = await runtime.StartAsync(SupervisionState.Definition, inputs, correlationId: caseId ?? notice.Id, cancellationToken);
        await workflows.EnsureNotRefusedAsync(instance, cancellationToken);
        notice.WorkflowInstanceId = instance.Id;
        db.SupervisionNotices.Add(notice);
        if (caseId is not null)
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = caseId, AtUtc = now, Kind = TimelineKind.Note, ActorUserId = user.UserId,
                Text = CaseTexts.Format("SupervisionIssuedTimeline", notice.Number, notice.Subject, unit.Name, inputs["deadlineOn"]!.GetValue<string>()),
            });
        AuditLog.Add(db, user, time, AuditActions.SupervisionIssue, nameof(SupervisionNotice), notice.Id, $"{notice.Number} → {unit.Id}: {notice.Subject}");
        await db.SaveChangesAsync(cancellationToken);
        var tasks = await db.WorkTasks.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToListAsync(cancellationToken);
        return SupervisionNoticeView.Of(notice, SupervisionState.Of(tasks), tree, @case?.FileNumber, now);
    }
}
