using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Plans.Reviews;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Plans.RevisePlan;

/// <summary>
/// Writes a new version of a case's support plan (一人一策) from the whole list of goals: a goal with an <c>id</c> changes that
/// goal, one without is added, an active goal left out is removed (kept for the history). Each goal needs a title, measures,
/// a responsible helper from the case's team (帮扶团队) and a review date not in the past (unless unchanged); a result
/// (Achieved, Partly, NotAchieved) may be recorded, e.g. at exit. The revision lists what changed; nothing changed → 409.
/// By <see cref="Permissions.MayManageTeam"/>, for a case in the register or under exit evaluation. A goal whose review
/// date is today becomes a review task at once.
/// </summary>
public sealed record RevisePlan(string CaseId, IReadOnlyList<PlanGoalInput>? Goals, string? Note) : ICommand<PlanView>;

public sealed record PlanGoalInput(long? Id, string? Title, string? Measures, long? HelperId, string? ReviewOn, string? Result, string? ResultNote);

public sealed class RevisePlanHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, PlanReviewTasks reviews)
    : ICommandHandler<RevisePlan, PlanView>
{
    public const int MaxGoals = 20;
    public const int MaxTitleLength = 1000;
    public const int MaxMeasuresLength = 4000;
    public const int MaxNoteLength = 1000;

    public async ValueTask<PlanView> Handle(RevisePlan command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        Permissions.EnsureMayManageTeam(user, @case);
        if (@case.Status is not (CaseStatus.Registered or CaseStatus.ExitEvaluation))
            throw new ConflictException(UseCaseStrings.Format("Plan_CaseNotOpen", @case.FileNumber, DomainLabels.For(@case.Status)));

        var current = await db.PlanGoals.Where(g => g.CaseId == @case.Id && g.Active).ToListAsync(cancellationToken);
        var team = await (from ch in db.CaseHelpers
                          join h in db.Helpers on ch.HelperId equals h.Id
                          where ch.CaseId == @case.Id && ch.ReleasedAtUtc == null
                          select new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var today = DistrictCalendar.Today(time);
        var errors = new InputErrors();
        var note = errors.Text("note", command.Note, MaxNoteLength);
        var inputs = command.Goals ?? [];
        if (inputs.Count == 0) errors.Add("goals", UseCaseStrings.Format("Plan_NoGoals"));
        if (inputs.Count > MaxGoals) errors.Add("goals", UseCaseStrings.Format("Plan_TooManyGoals", MaxGoals));

        var parsed = new List<Parsed>();
        for (var i = 0; i < inputs.Count && i < MaxGoals; i++)
            parsed.Add(await ParseAsync(inputs[i], $"goals[{i.ToString(CultureInfo.InvariantCulture)}].", current, team, today, errors, cancellationToken));
        errors.ThrowIfAny();

        var now = time.GetUtcNow().UtcDateTime;
        var changes = new List<string>();
        var kept = parsed.Where(p => p.Existing is not null).Select(p => p.Existing!.Id).ToHashSet();
        foreach (var removed in current.Where(g => !kept.Contains(g.Id)))
        {
            removed.Active = false;
            await CancelReviewTaskAsync(removed, now, cancellationToken);
            changes.Add(UseCaseStrings.Record("Plan_Change_Removed", removed.Position, removed.Title));
        }
        for (var i = 0; i < parsed.Count; i++)
        {
            var p = parsed[i];
            var position = i + 1;
            if (p.Existing is not { } goal)
            {
                db.PlanGoals.Add(new PlanGoal
                {
                    CaseId = @case.Id, Position = position, Title = p.Title, Measures = p.Measures, HelperId = p.HelperId, ReviewOn = p.ReviewOn,
                    Result = p.Result, ResultNote = p.ResultNote, ResultAtUtc = p.Result is null ? null : now, CreatedAtUtc = now,
                });
                changes.Add(UseCaseStrings.Record("Plan_Change_Added", position, p.Title));
                continue;
            }
            if (goal.Position != position) goal.Position = position;
            if (!string.Equals(goal.Title, p.Title, StringComparison.Ordinal))
                changes.Add(UseCaseStrings.Record("Plan_Change_Title", position, p.Title));
            if (!string.Equals(goal.Measures, p.Measures, StringComparison.Ordinal))
                changes.Add(UseCaseStrings.Record("Plan_Change_Measures", position, p.Measures));
            if (goal.HelperId != p.HelperId)
                changes.Add(UseCaseStrings.Record("Plan_Change_Helper", position, Name(goal.HelperId), Name(p.HelperId)));
            if (goal.ReviewOn != p.ReviewOn)
            {
                changes.Add(UseCaseStrings.Record("Plan_Change_ReviewOn", position, Date(goal.ReviewOn), Date(p.ReviewOn)));
                await CancelReviewTaskAsync(goal, now, cancellationToken);
                goal.ReviewTaskId = null;
                goal.ReviewedAtUtc = null;
            }
            if (p.Result is not null && (goal.Result != p.Result || !string.Equals(goal.ResultNote, p.ResultNote, StringComparison.Ordinal)))
            {
                changes.Add(UseCaseStrings.Record("Plan_Change_Result", position, DomainLabels.For(p.Result.Value, DomainCultures.Chinese), p.ResultNote ?? "-"));
                goal.Result = p.Result;
                goal.ResultNote = p.ResultNote;
                goal.ResultAtUtc = now;
            }
            (goal.Title, goal.Measures, goal.HelperId, goal.ReviewOn) = (p.Title, p.Measures, p.HelperId, p.ReviewOn);
        }
        if (changes.Count == 0) throw new ConflictException(UseCaseStrings.Format("Plan_NoChange", @case.FileNumber));

        var revision = await PlanVersions.AddAsync(db, @case, changes, note, user.UserId, now, null, cancellationToken);
        AuditLog.Add(db, user, time, AuditActions.PlanRevise, nameof(Case), @case.Id,
            $"version {revision.Version.ToString(CultureInfo.InvariantCulture)}, {parsed.Count.ToString(CultureInfo.InvariantCulture)} goals");
        await reviews.CreateDueAsync(@case.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await PlanView.LoadAsync(db, @case.Id, @case.PlanUpdatedAtUtc, cancellationToken);

        string Name(long? helperId) => helperId is { } id ? team.GetValueOrDefault(id) ?? id.ToString(CultureInfo.InvariantCulture) : "-";
    }

    private sealed record Parsed(PlanGoal? Existing, string Title, string Measures, long? HelperId, DateOnly? ReviewOn, GoalResult? Result, string? ResultNote);

    private async Task<Parsed> ParseAsync(PlanGoalInput input, string prefix, List<PlanGoal> current, Dictionary<long, string> team, DateOnly today,
        InputErrors errors, CancellationToken cancellationToken)
    {
        PlanGoal? existing = null;
        if (input.Id is { } id && (existing = current.Find(g => g.Id == id)) is null)
            errors.Add(prefix + "id", UseCaseStrings.Format("Plan_GoalUnknown", id));
        var title = Text(errors, prefix + "title", "goalTitle", input.Title, MaxTitleLength);
        var measures = Text(errors, prefix + "measures", "goalMeasures", input.Measures, MaxMeasuresLength);

        if (input.HelperId is not { } helperId) errors.Add(prefix + "helperId", InputErrors.Message("Field_Required", "goalHelperId"));
        else if (!team.ContainsKey(helperId))
        {
            var name = await db.Helpers.Where(h => h.Id == helperId).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken);
            errors.Add(prefix + "helperId", name is null
                ? UseCaseStrings.Format("HelpRecord_HelperUnknown", helperId)
                : UseCaseStrings.Format("Plan_HelperNotOnTeam", name));
        }

        DateOnly? reviewOn = null;
        if (string.IsNullOrWhiteSpace(input.ReviewOn)) errors.Add(prefix + "reviewOn", InputErrors.Message("Field_Required", "goalReviewOn"));
        else if (!DateOnly.TryParseExact(input.ReviewOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add(prefix + "reviewOn", InputErrors.Message("Plan_DateInvalid", "goalReviewOn"));
        else if (date < today && existing?.ReviewOn != date)
            errors.Add(prefix + "reviewOn", InputErrors.Message("Plan_DateInPast", "goalReviewOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        else reviewOn = date;

        var result = errors.Enum<GoalResult>(prefix + "result", input.Result);
        var resultNote = errors.Text(prefix + "resultNote", input.ResultNote, 2000);
        return new Parsed(existing, title ?? "", measures ?? "", input.HelperId, reviewOn, result, resultNote);
    }

    private static string? Text(InputErrors errors, string key, string label, string? value, int max)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null) errors.Add(key, InputErrors.Message("Field_Required", label));
        else if (text.Length > max) errors.Add(key, InputErrors.Message("Field_TooLong", label, max));
        return text;
    }

    private async Task CancelReviewTaskAsync(PlanGoal goal, DateTime now, CancellationToken cancellationToken)
    {
        if (goal.ReviewTaskId is not { } taskId) return;
        var task = await db.WorkTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.Status == WorkTaskStatus.Open, cancellationToken);
        if (task is null) return;
        task.Status = WorkTaskStatus.Cancelled;
        task.CompletedAtUtc = now;
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
