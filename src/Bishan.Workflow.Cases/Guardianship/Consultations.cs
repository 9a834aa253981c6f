using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Guardianship;

/// <summary>Loading a consultation and moving its workflow on, shared by the consultation's use cases.</summary>
public static class Consultations
{
    /// <summary>How long after the outcome the guardianship is reviewed: the workflow's <c>followUpAfter</c> default.</summary>
    public static readonly TimeSpan FollowUpAfter = TimeSpan.FromDays(90);

    /// <exception cref="NotFoundException">No such consultation.</exception>
    public static async Task<GuardianshipConsultation> LoadAsync(ICasesDbContext db, long id, CancellationToken ct) =>
        await db.GuardianshipConsultations.FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException(UseCaseStrings.Format("Guardianship_ConsultationNotFound", id));

    /// <summary>
    /// The consultation's case: 区民政局 and administrators run consultations on any case (a dropout case may have a parent away
    /// too, outside the department's actions); everyone else within their scope (403 outside).
    /// </summary>
    public static async Task<Case> LoadCaseAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string caseId, CancellationToken ct) =>
        GuardianshipAccess.MayKeep(user)
            ? await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) ?? throw new NotFoundException(UseCaseStrings.Format("Case_NotFound", caseId))
            : await db.LoadInScopeAsync(caseId, CaseScope.For(user, tree), ct);

    /// <summary>The open task of the consultation's workflow (the department's arrangement, or the three-month review), if any.</summary>
    public static Task<WorkTask?> OpenTaskAsync(ICasesDbContext db, GuardianshipConsultation consultation, CancellationToken ct) =>
        consultation.InstanceId is not { } instanceId
            ? Task.FromResult<WorkTask?>(null)
            : db.WorkTasks.Where(t => t.InstanceId == instanceId && t.BookmarkId != null && t.Status == WorkTaskStatus.Open)
                .OrderBy(t => t.CreatedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A consultation's tasks are done on the consultation's page, which records the consultation (participants, outcome,
    /// matched job, the parent's new situation) with them: completing one from the general task view would move the workflow
    /// on without that record, so it is refused with the consultation to open.
    /// </summary>
    public static async Task EnsureNotConsultationTaskAsync(ICasesDbContext db, WorkTask task, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(task);
        if (task.InstanceId is not { } instanceId) return;
        var consultation = await db.GuardianshipConsultations.AsNoTracking().Where(c => c.InstanceId == instanceId)
            .Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        if (consultation is { } id)
            throw new ConflictException(UseCaseStrings.Format("Guardianship_CompleteOnItsPage", task.Title),
                new Dictionary<string, object?> { ["consultationId"] = id, ["page"] = $"/guardianship/consultations/{id}" });
    }

    /// <summary>Completes the workflow's open task with <paramref name="outcome"/>, as the task's form would; 409 when it is gone.</summary>
    public static async Task CompleteTaskAsync(IWorkflowRuntime runtime, CaseWorkflows workflows, WorkTask task, string outcome, JsonObject data,
        string? userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(task);
        var result = await runtime.ResumeAsync(task.BookmarkId!, new TaskSubmission(outcome, data, null, userId).ToJson(), ct);
        if (result.Outcome != ResumeOutcome.Resumed)
            throw new ConflictException(UseCaseStrings.Format("Task_AlreadyCompleted", task.Title));
        await workflows.EnsureNotRefusedAsync(result.Instance, ct);
    }

    /// <summary>A timeline line on the case, in the file's language.</summary>
    public static void Timeline(ICasesDbContext db, string caseId, string? userId, DateTime nowUtc, string text) =>
        db.TimelineEntries.Add(new TimelineEntry { CaseId = caseId, AtUtc = nowUtc, Kind = TimelineKind.Note, ActorUserId = userId, Text = text });
}
