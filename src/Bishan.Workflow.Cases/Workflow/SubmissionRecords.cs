using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Plans;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Time;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Files what a completed task's form says into the case file, by the field names the shipped workflows use, so
/// that the file shows the support plan, help records and evaluations, not only workflow variables:
/// <c>planGoals</c>/<c>planMeasures</c> (+ <c>helperTeam</c> matched against the helper pool) → a plan version and the team;
/// <c>helpContent</c> (+ <c>helpDate</c>, <c>helpKind</c>) → a help record; <c>screeningReason</c> → a screening
/// evaluation; <c>criteriaNotes</c>/<c>exitCriteria</c> → an exit evaluation; <c>reviewNotes</c> → a follow-up review.
/// A hand-edited workflow with other field names still works; its data stay on the task.
/// </summary>
internal static class SubmissionRecords
{
    public static async Task FileAsync(PassScope scope, WorkTask task, TaskSubmission submission)
    {
        if (task.CaseId is null || WorkTaskKinds.IsApproval(task.Kind)) return;
        var @case = await scope.FindCaseAsync(task.CaseId);
        if (@case is null) return;
        var data = submission.Data;
        var user = task.CompletedByUserId;

        var named = Text(data, "helperTeam") is { } team ? await AssignNamedHelpersAsync(scope, @case, team) : [];
        if (Text(data, "planGoals") is not null || Text(data, "planMeasures") is not null)
        {
            // The intake's free-text plan becomes a version of the structured plan: one goal, the first named helper
            // answering for it, reviewed after a month (the caseworker revises it on the file).
            var reviewOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(scope.NowUtc, DistrictCalendar.TimeZone)).AddDays(FirstReviewAfterDays);
            await PlanVersions.FromTextAsync(scope.Db, @case, Text(data, "planGoals"), Text(data, "planMeasures"), named.Count > 0 ? named[0] : null,
                reviewOn, user, scope.NowUtc, task.Id, scope.Ct);
            scope.Touch(@case);
        }
        if (Text(data, "helpContent") is { } content)
        {
            var occurred = DateOnly.TryParse(Text(data, "helpDate"), CultureInfo.InvariantCulture, out var date)
                ? TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(12, 0)), DistrictCalendar.TimeZone)
                : scope.NowUtc;
            var kind = Text(data, "helpKind") ?? "其他";
            scope.Db.HelpRecords.Add(new HelpRecord
            {
                CaseId = @case.Id, OccurredAtUtc = occurred, Kind = Cap(kind, 32)!, Content = Cap(content, 4000)!,
                RecordedByUserId = user, TaskId = task.Id, CreatedAtUtc = scope.NowUtc,
            });
            scope.Timeline(@case.Id, TimelineKind.HelpRecord, $"帮扶记录（{kind}）：{content}", user, task.Id);
        }

        var criteriaField = TaskForms.Fields(task).FirstOrDefault(f => f.Type == FormFieldType.Criteria);
        var evaluation = Text(data, "screeningReason") is { } screening ? (EvaluationKind.Screening, screening)
            : Text(data, "criteriaNotes") is { } criteria ? (EvaluationKind.Exit, criteria)
            : data["exitCriteria"] is JsonArray ? (EvaluationKind.Exit, (string?)null)
            : Text(data, "reviewNotes") is { } review ? (EvaluationKind.FollowUp, review)
            : ((EvaluationKind, string?)?)null;
        if (evaluation is var (evaluationKind, comment))
        {
            var set = criteriaField?.CriteriaSetFor(data);
            var answers = criteriaField is null ? [] : CriteriaAnswers.Record(criteriaField, data);
            scope.Db.Evaluations.Add(new Evaluation
            {
                CaseId = @case.Id, Kind = evaluationKind, Result = Cap(submission.Outcome ?? "Done", 64)!, Comment = comment,
                ChecklistJson = set is not null ? CriteriaJson.SerializeAnswers(answers)
                    : data["exitCriteria"] is JsonArray ticked ? ticked.ToJsonString(StoredJson.Options) : null,
                CriteriaVersionId = set is null ? null : await CriteriaCatalogs.ResolveIdAsync(scope.Db, set, scope.Ct),
                EvaluatorUserId = user, InstanceId = task.InstanceId, TaskId = task.Id, AtUtc = scope.NowUtc,
            });
            var line = $"{CaseTexts.Label(evaluationKind)}（{DomainLabels.ForOutcome(submission.Outcome ?? "Done", CaseTexts.Culture)}）：{comment ?? "-"}";
            if (set is not null) line += "\n" + CriteriaLine(set, answers);
            scope.Timeline(@case.Id, TimelineKind.Evaluation, line, user, task.Id);
        }
    }

    /// <summary>
    /// For an approval on <paramref name="caseId"/> in <paramref name="instanceId"/>: the criteria the latest screening or
    /// exit evaluation of that instance ticked, with the evidence, so the approver sees what was met (null when none).
    /// </summary>
    public static async Task<string?> CriteriaForApprovalAsync(PassScope scope, string caseId, string instanceId)
    {
        var local = scope.Db.Evaluations.Local
            .Where(e => e.CaseId == caseId && e.InstanceId == instanceId && e.Kind != EvaluationKind.FollowUp)
            .OrderByDescending(e => e.AtUtc).FirstOrDefault();
        var evaluation = local ?? await scope.Db.Evaluations
            .Where(e => e.CaseId == caseId && e.InstanceId == instanceId && e.Kind != EvaluationKind.FollowUp && e.CriteriaVersionId != null)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(scope.Ct);
        if (evaluation?.CriteriaVersionId is not { } versionId) return null;
        var version = scope.Db.CriteriaVersions.Local.FirstOrDefault(v => v.Id == versionId)
                      ?? await scope.Db.CriteriaVersions.FirstOrDefaultAsync(v => v.Id == versionId, scope.Ct);
        if (version is null) return null;
        var set = new CriteriaSet(version.Kind, version.Action, version.Id, version.Number, []);
        return CriteriaLine(set, CriteriaJson.DeserializeAnswers(evaluation.ChecklistJson));
    }

    /// <summary>"已达到的出库条件（第2版）：✓ … （依据：…）" as the timeline and the approver read it.</summary>
    internal static string CriteriaLine(CriteriaSet set, IReadOnlyList<CriterionAnswer> answers)
    {
        var items = answers.Count == 0
            ? CaseTexts.Format("Gates_Timeline_NoneTicked")
            : string.Join("；", answers.Select(a => CaseTexts.Format("Gates_Timeline_Item", a.TextZh, a.Evidence)));
        return CaseTexts.Format(set.Kind == CriteriaKind.Entry ? "Gates_Timeline_Entry" : "Gates_Timeline_Exit", set.Version, items);
    }

    /// <summary>Days after the intake's plan that its first review falls.</summary>
    public const int FirstReviewAfterDays = 30;

    /// <summary>Helpers of the pool named in the free text join the case's team (once); returns their ids.</summary>
    private static async Task<List<long>> AssignNamedHelpersAsync(PassScope scope, Case @case, string text)
    {
        var pool = await scope.Db.Helpers.Where(h => h.Active).ToListAsync(scope.Ct);
        var named = pool.Where(h => h.Name.Length > 0 && text.Contains(h.Name, StringComparison.Ordinal)).ToList();
        if (named.Count == 0) return [];
        var ids = named.Select(h => h.Id).ToArray();
        var already = await scope.Db.CaseHelpers.Where(c => c.CaseId == @case.Id && c.ReleasedAtUtc == null && ids.Contains(c.HelperId))
            .Select(c => c.HelperId).ToListAsync(scope.Ct);
        foreach (var helper in named.Where(h => !already.Contains(h.Id)))
            scope.Db.CaseHelpers.Add(new CaseHelper { CaseId = @case.Id, HelperId = helper.Id, Role = "Member", AssignedAtUtc = scope.NowUtc });
        return ids.ToList();
    }

    private static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string? Cap(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
