using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The entry and exit criteria are hard gates: an eligible screening needs the chosen action's required entry criteria and
/// a <c>CriteriaMet</c> exit check the case action's required exit criteria, each ticked with evidence, else 400 with an
/// error at each missing criterion, named by its text in the reader's language. The approver sees what was ticked.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class CriteriaGateFacts(BishanWebFactory factory)
{
    private static JsonObject Screening(string action = "DropoutPrevention") => new()
    {
        ["proposedAction"] = action, ["proposedTier"] = "Light", ["screeningReason"] = "连续两周未到校，入户核实属实。",
    };

    [Fact]
    public async Task EligibleScreening_IsRefusedAtEachMissingEntryCriterion_ThenRegistersWithTheTickedCriteria()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var task = await factory.OpenTaskAsync(caseId, instanceId);
        var entry = EntryCriteriaDefaults.All[FiveAction.DropoutPrevention];

        var refused = await caseworker.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "Eligible", data = Screening() });

        var errors = (await refused.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        foreach (var item in entry.Where(i => i.Required))
            Assert.Contains(item.TextZh, errors[$"entryCriteria.{item.Id}"]![0]!.GetValue<string>());
        Assert.Equal(WorkTaskStatus.Open, (await factory.QueryAsync(db => db.WorkTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Status);

        // A tick without evidence is refused at that criterion.
        var data = Screening();
        data["entryCriteria"] = CriteriaAnswersFor.Required(task, data);
        data["entryCriteria"]![0]!["evidence"] = " ";
        var blank = await caseworker.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "Eligible", data });
        var blankErrors = (await blank.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal($"已勾选“{entry[0].TextZh}”，请填写依据。", blankErrors[$"entryCriteria.{entry[0].Id}"]![0]!.GetValue<string>());

        data["entryCriteria"] = CriteriaAnswersFor.Required(task, data);
        var passed = await caseworker.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { outcome = "Eligible", data });
        Assert.True(passed.IsSuccessStatusCode, await passed.Content.ReadAsStringAsync());

        var screening = await factory.QueryAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.Kind == EvaluationKind.Screening));
        var version = await factory.QueryAsync(db => db.CriteriaVersions.AsNoTracking().SingleAsync(v => v.Id == screening.CriteriaVersionId));
        Assert.Equal((CriteriaKind.Entry, FiveAction.DropoutPrevention), (version.Kind, version.Action));
        Assert.Equal(entry.Where(i => i.Required).Select(i => i.Id), CriteriaJson.DeserializeAnswers(screening.ChecklistJson).Select(a => a.Id));

        // The registration's approver reads which entry criteria were met and on what evidence.
        var approval = await factory.QueryAsync(db => db.WorkTasks.AsNoTracking()
            .SingleAsync(t => t.CaseId == caseId && t.Status == WorkTaskStatus.Open && t.Kind == "Approval:Registration"));
        var detail = await (await (await factory.ClientAsync(SupervisorAreaA)).GetAsync($"/api/tasks/{approval.Id}")).ReadOkAsync();
        Assert.Contains($"符合的入库标准（第{version.Number}版）", detail["description"]!.GetValue<string>());
        Assert.Contains($"✓{entry[0].TextZh}（依据：已核实：{entry[0].TextZh}）", detail["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task EligibleScreening_NamesTheMissingCriterionInEnglish_WhenAskedInEnglish()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var task = await factory.OpenTaskAsync(caseId, instanceId);
        var data = Screening("MentalHealth");
        var item = EntryCriteriaDefaults.All[FiveAction.MentalHealth][1];
        data["entryCriteria"] = CriteriaAnswersFor.Required(task, data, leaveOut: item.Id);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/complete")
        {
            Content = JsonContent.Create(new { outcome = "Eligible", data }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var errors = (await (await caseworker.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();

        Assert.StartsWith($"“{item.TextEn}” is required: tick it and give the evidence to choose “Eligible",
            Assert.Single(errors).Value![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotEligibleScreening_NeedsNoEntryCriteria()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await caseworker.ReferAsync(NewReferral(SchoolA));
        var task = await factory.OpenTaskAsync(caseId, instanceId);

        var response = await caseworker.PostAsJsonAsync($"/api/tasks/{task.Id}/complete",
            new { outcome = "NotEligible", data = new { screeningReason = "核实后已正常到校。" } });

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CriteriaMet_IsRefusedForAMissingCriterion_ThenPasses_AndTheApproverSeesTheTicksAndEvidence()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var started = await (await caseworker.PostAsJsonAsync($"/api/cases/{registered.CaseId}/exit-evaluations", new { reason = "情绪稳定三个月。" })).ReadOkAsync();
        var exitInstance = started["workflowInstanceId"]!.GetValue<string>();
        var checklist = await factory.OpenTaskAsync(registered.CaseId, exitInstance);
        var exit = await ExitCriteriaForAsync(FiveAction.MentalHealth);
        var missing = exit.First(i => i.Required);

        // The complaint of the issue: CriteriaMet with nothing ticked and the note 无.
        var none = await caseworker.PostAsJsonAsync($"/api/tasks/{checklist.Id}/complete",
            new { outcome = "CriteriaMet", data = new { criteriaNotes = "无" } });
        var noneErrors = (await none.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(exit.Count(i => i.Required), noneErrors.Count);

        var almost = new JsonObject { ["exitCriteria"] = CriteriaAnswersFor.Required(checklist, leaveOut: missing.Id) };
        var refused = await caseworker.PostAsJsonAsync($"/api/tasks/{checklist.Id}/complete", new { outcome = "CriteriaMet", data = almost });
        var errors = (await refused.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal($"“{missing.TextZh}”为必备条件，选择“达到出库条件”须勾选并填写依据。", Assert.Single(errors).Value![0]!.GetValue<string>());
        Assert.Equal($"exitCriteria.{missing.Id}", Assert.Single(errors).Key);

        var full = new JsonObject { ["exitCriteria"] = CriteriaAnswersFor.Required(checklist) };
        var passed = await caseworker.PostAsJsonAsync($"/api/tasks/{checklist.Id}/complete", new { outcome = "CriteriaMet", data = full });
        Assert.True(passed.IsSuccessStatusCode, await passed.Content.ReadAsStringAsync());

        var team = await factory.QueryAsync(db => db.WorkTasks.AsNoTracking()
            .SingleAsync(t => t.InstanceId == exitInstance && t.Status == WorkTaskStatus.Open && t.Title == "帮扶团队评估"));
        (await caseworker.PostAsJsonAsync($"/api/tasks/{team.Id}/complete",
            new { outcome = "RecommendExit", data = new { teamEvaluation = "团队一致建议出库。" } })).EnsureSuccessStatusCode();

        var approval = await factory.QueryAsync(db => db.WorkTasks.AsNoTracking()
            .SingleAsync(t => t.CaseId == registered.CaseId && t.Status == WorkTaskStatus.Open && t.Kind == "Approval:Exit"));
        var detail = await (await (await factory.ClientAsync(SupervisorAreaA)).GetAsync($"/api/tasks/{approval.Id}")).ReadOkAsync();
        var description = detail["description"]!.GetValue<string>();
        Assert.Contains("已达到的出库条件（第", description);
        foreach (var item in exit.Where(i => i.Required))
            Assert.Contains($"✓{item.TextZh}（依据：已核实：{item.TextZh}）", description);
        Assert.DoesNotContain("核查说明：无", description);

        var evaluation = await factory.QueryAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.CaseId == registered.CaseId && e.Kind == EvaluationKind.Exit));
        Assert.NotNull(evaluation.CriteriaVersionId);
        var timeline = await factory.QueryAsync(db => db.TimelineEntries.AsNoTracking()
            .Where(e => e.CaseId == registered.CaseId && e.Kind == TimelineKind.Evaluation).Select(e => e.Text).ToListAsync());
        Assert.Contains(timeline, t => t.Contains($"✓{missing.TextZh}", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<CriterionItem>> ExitCriteriaForAsync(FiveAction action) =>
        CriteriaJson.Deserialize(await factory.QueryAsync(db => db.CriteriaVersions.AsNoTracking()
            .Where(v => v.Kind == CriteriaKind.Exit && v.Action == action).OrderByDescending(v => v.Number).Select(v => v.ItemsJson).FirstAsync()));
}
