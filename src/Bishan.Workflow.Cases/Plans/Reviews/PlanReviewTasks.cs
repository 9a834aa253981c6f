using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Plans.Reviews;

/// <summary>
/// Turns support-plan goals whose review date has come (district date from the injected clock) into review tasks for the
/// case's caseworker (<see cref="WorkTaskKinds.PlanReview"/>, no bookmark: nothing waits for them). Run by a recurring job
/// for the whole register and by a plan revision for its own case, so a goal due today is a task at once.
/// </summary>
/// <remarks>
/// A goal gets one task per review date (<see cref="PlanGoal.ReviewTaskId"/>); a revision that moves the date clears it.
/// Only cases still worked with (in the register or under exit evaluation) get review tasks.
/// </remarks>
public sealed class PlanReviewTasks(ICasesDbContext db, TimeProvider time, CoordinatingBodyResolver coordination)
{
    public const string ResultField = "goalResult";
    public const string NoteField = "reviewNote";

    /// <summary>Days after the review date the task falls due.</summary>
    public const int DueAfterDays = 7;

    private static readonly string[] ResultOptions = Enum.GetNames<GoalResult>();

    /// <summary>Creates the due review tasks of every case and saves them; returns how many were created.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var created = await CreateDueAsync(null, ct);
        if (created > 0) await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Adds (without saving) the due review tasks of one case, or of all when <paramref name="caseId"/> is null.</summary>
    public async Task<int> CreateDueAsync(string? caseId, CancellationToken ct)
    {
        var today = DistrictCalendar.Today(time);
        var stored = await (from g in db.PlanGoals
                            join c in db.Cases on g.CaseId equals c.Id
                            where g.Active && g.ReviewOn != null && g.ReviewOn <= today && g.ReviewTaskId == null && g.ReviewedAtUtc == null
                                  && (c.Status == CaseStatus.Registered || c.Status == CaseStatus.ExitEvaluation)
                                  && (caseId == null || g.CaseId == caseId)
                            select g).ToListAsync(ct);
        // The query judges saved values; a revision in this unit of work (a new goal, or a goal whose date moved to
        // today or away from it) is in the change tracker only, so the tracked goals of the case are judged as they are now.
        IEnumerable<PlanGoal> tracked = caseId is null ? [] : db.PlanGoals.Local.Where(g => g.CaseId == caseId);
        var due = stored.Concat(tracked).Distinct()
            .Where(g => g.Active && g.ReviewOn is { } on && on <= today && g.ReviewTaskId == null && g.ReviewedAtUtc == null)
            .ToList();
        if (due.Count == 0) return 0;

        var ids = due.Select(g => g.CaseId).Distinct().ToArray();
        var cases = db.Cases.Local.Where(c => ids.Contains(c.Id)).ToDictionary(c => c.Id);
        foreach (var c in await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct)) cases.TryAdd(c.Id, c);
        if (caseId is not null && cases.TryGetValue(caseId, out var only) && only.Status is not (CaseStatus.Registered or CaseStatus.ExitEvaluation))
            return 0;
        var staff = await StaffDirectory.LoadAsync(db, ct);
        var resolver = new AssigneeResolver(coordination);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var goal in due.OrderBy(g => g.CaseId, StringComparer.Ordinal).ThenBy(g => g.Position))
        {
            var @case = cases[goal.CaseId];
            var task = NewTask(goal, @case, now);
            var resolution = resolver.Resolve(AssigneeRules.CaseCaseworker, @case, null, null, staff);
            task.AssigneeUserId = resolution.UserId;
            task.CandidateGroup = resolution.CandidateGroup;
            task.OrgUnitId = @case.OrgUnitId;
            goal.ReviewTaskId = task.Id;
            db.WorkTasks.Add(task);
            db.TimelineEntries.Add(new TimelineEntry
            {
                CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.Plan, TaskId = task.Id,
                Text = UseCaseStrings.Record("Plan_Timeline_ReviewDue", goal.Position, goal.Title,
                    resolution.UserId is { } u ? staff.NameOf(u) : resolution.CandidateGroup ?? "-"),
            });
            var recipients = resolution.UserId is { } one ? [one]
                : resolution.CandidateGroup is { } group ? AssigneeResolver.MembersOf(group, staff) : [];
            foreach (var userId in recipients.Distinct(StringComparer.Ordinal))
                db.Notifications.Add(new Notification
                {
                    UserId = userId, CaseId = @case.Id, TaskId = task.Id, CreatedAtUtc = now,
                    Title = Cap(UseCaseStrings.Record("Plan_Notification_Title", @case.FileNumber), 500),
                    Message = Cap(UseCaseStrings.Record("Plan_Notification_Message", @case.FileNumber, @case.Name, goal.Title), 4000),
                });
        }
        return due.Count;
    }

    private static WorkTask NewTask(PlanGoal goal, Case @case, DateTime now)
    {
        var dueDate = goal.ReviewOn!.Value.AddDays(DueAfterDays).ToDateTime(new TimeOnly(18, 0));
        var form = new JsonArray(
            new FormField(ResultField, UseCaseStrings.Record("Plan_Form_Result"), FormFieldType.Select, Required: true, Options: ResultOptions).ToJson(),
            new FormField(NoteField, UseCaseStrings.Record("Plan_Form_Note"), FormFieldType.TextArea, Required: true, MaxLength: 2000).ToJson());
        return new WorkTask
        {
            Id = Guid.NewGuid().ToString("N"),
            CaseId = @case.Id,
            Kind = WorkTaskKinds.PlanReview,
            Title = Cap(UseCaseStrings.Record("Plan_Task_Title", goal.Position, goal.Title), 500),
            Description = Cap(UseCaseStrings.Record("Plan_Task_Description", goal.Title, goal.Measures,
                goal.ReviewOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), 4000),
            FormJson = form.ToJsonString(StoredJson.Options),
            OutcomesJson = """["Done"]""",
            AssigneeRule = AssigneeRules.CaseCaseworker,
            Status = WorkTaskStatus.Open,
            DueAtUtc = TimeZoneInfo.ConvertTimeToUtc(dueDate, DistrictCalendar.TimeZone),
            CreatedAtUtc = now,
        };
    }

    /// <summary>
    /// Files a completed review task into its goal: the result, the note, reviewed now. Called by task completion for
    /// <see cref="WorkTaskKinds.PlanReview"/> tasks, in the same unit of work.
    /// </summary>
    public static async Task RecordAsync(ICasesDbContext db, WorkTask task, JsonObject data, string? userId, DateTime now, CancellationToken ct)
    {
        var goal = await db.PlanGoals.FirstOrDefaultAsync(g => g.ReviewTaskId == task.Id, ct);
        if (goal is null) return;
        var result = data[ResultField] is JsonValue v && v.TryGetValue<string>(out var text) && Enum.TryParse<GoalResult>(text, out var r) ? r : (GoalResult?)null;
        var note = data[NoteField] is JsonValue n && n.TryGetValue<string>(out var t) && !string.IsNullOrWhiteSpace(t) ? Cap(t.Trim(), 2000) : null;
        goal.Result = result ?? goal.Result;
        goal.ResultNote = note ?? goal.ResultNote;
        goal.ResultAtUtc = now;
        goal.ReviewedAtUtc = now;
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = goal.CaseId, AtUtc = now, Kind = TimelineKind.Plan, ActorUserId = userId, TaskId = task.Id,
            Text = UseCaseStrings.Record("Plan_Timeline_Reviewed", goal.Position, goal.Title,
                result is { } x ? DomainLabels.For(x, DomainCultures.Chinese) : "-", note ?? "-"),
        });
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
