using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Criteria;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The criteria catalogues are versioned and only administrators publish: a new version applies to exit checks opened
/// afterwards, while a case already judged keeps the version (and the texts) it was judged by.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class CriteriaCatalogueFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Publishing_IsForAdministratorsOnly_AndRefusesBlankItemsAtTheirFields()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var supervisor = await factory.ClientAsync(SupervisorTaskForce);
        var body = new { items = new[] { new { id = "x-1", textZh = "测试条件", textEn = "A test item", required = true } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await caseworker.PostAsJsonAsync("/api/criteria/Exit/Unsupervised", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/criteria/Exit/Unsupervised", body)).StatusCode);

        var list = await (await caseworker.GetAsync("/api/criteria?kind=Entry")).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal(5, list!.Count);
        Assert.All(list, c => Assert.Equal("Entry", c!["kind"]!.GetValue<string>()));

        var admin = await factory.ClientAsync(Administrator);
        var bad = await admin.PostAsJsonAsync("/api/criteria/Exit/Unsupervised",
            new { items = new object[] { new { textZh = " ", textEn = "Only English" }, new { id = "BAD ID", textZh = "中文", textEn = "English" } } });
        var errors = (await bad.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal("请填写第1项的中文表述。", errors["items[0].textZh"]![0]!.GetValue<string>());
        Assert.True(errors.ContainsKey("items[1].id"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/criteria/Exit/Nothing", body)).StatusCode);
    }

    [Fact]
    public async Task ANewExitVersion_AppliesToLaterChecks_WhileAJudgedCaseKeepsItsVersion()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var judged = await RegisteredSpecialEducationCaseAsync();
        var first = await OpenChecklistAsync(caseworker, judged);
        var passed = await caseworker.PostAsJsonAsync($"/api/tasks/{first.Id}/complete",
            new { outcome = "CriteriaMet", data = new JsonObject { ["exitCriteria"] = CriteriaAnswersFor.Required(first) } });
        Assert.True(passed.IsSuccessStatusCode, await passed.Content.ReadAsStringAsync());
        var judgedBy = (await factory.QueryAsync(db => db.Evaluations.AsNoTracking()
            .SingleAsync(e => e.CaseId == judged && e.Kind == EvaluationKind.Exit))).CriteriaVersionId!.Value;
        var old = await factory.QueryAsync(db => db.CriteriaVersions.AsNoTracking().SingleAsync(v => v.Id == judgedBy));

        var items = CriteriaJson.Deserialize(old.ItemsJson).Select(i => new { id = i.Id, textZh = i.TextZh, textEn = i.TextEn, required = i.Required })
            .Append(new { id = "se-aftercare", textZh = "回归后已落实至少一学期的跟踪帮扶", textEn = "At least a term of aftercare is arranged after the return", required = true })
            .ToList();
        var admin = await factory.ClientAsync(Administrator);
        var published = await admin.PostAsJsonAsync("/api/criteria/Exit/SpecialEducation", new { items, note = "增加回归后跟踪帮扶要求" });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var view = await published.ReadOkAsync();
        Assert.Equal(old.Number + 1, view["version"]!.GetValue<int>());
        Assert.Contains(view["history"]!.AsArray(), h => h!["version"]!.GetValue<int>() == old.Number);

        // The judged case keeps its version, and that version's items are as they were.
        var after = await factory.QueryAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.CaseId == judged && e.Kind == EvaluationKind.Exit));
        Assert.Equal(judgedBy, after.CriteriaVersionId);
        Assert.Equal(old.ItemsJson, (await factory.QueryAsync(db => db.CriteriaVersions.AsNoTracking().SingleAsync(v => v.Id == judgedBy))).ItemsJson);
        Assert.DoesNotContain("se-aftercare", after.ChecklistJson);

        // A check opened now offers the new version and needs the new item.
        var later = await RegisteredSpecialEducationCaseAsync();
        var second = await OpenChecklistAsync(caseworker, later);
        Assert.Contains("se-aftercare", second.FormJson);
        var oldAnswers = new JsonArray(CriteriaJson.Deserialize(old.ItemsJson).Where(i => i.Required)
            .Select(i => (JsonNode?)new JsonObject { ["id"] = i.Id, ["evidence"] = "已核实。" }).ToArray());
        var refused = await caseworker.PostAsJsonAsync($"/api/tasks/{second.Id}/complete",
            new { outcome = "CriteriaMet", data = new JsonObject { ["exitCriteria"] = oldAnswers } });
        var errors = (await refused.ReadProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Contains("回归后已落实至少一学期的跟踪帮扶", Assert.Single(errors).Value![0]!.GetValue<string>());
        var ok = await caseworker.PostAsJsonAsync($"/api/tasks/{second.Id}/complete",
            new { outcome = "CriteriaMet", data = new JsonObject { ["exitCriteria"] = CriteriaAnswersFor.Required(second) } });
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        var newer = await factory.QueryAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.CaseId == later && e.Kind == EvaluationKind.Exit));
        Assert.Equal(view["versionId"]!.GetValue<long>(), newer.CriteriaVersionId);
    }

    private async Task<string> RegisteredSpecialEducationCaseAsync()
    {
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        await factory.QueryAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == registered.CaseId);
            c.PrimaryAction = FiveAction.SpecialEducation;
            return await db.SaveChangesAsync();
        });
        return registered.CaseId;
    }

    private async Task<WorkTask> OpenChecklistAsync(HttpClient caseworker, string caseId)
    {
        var started = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/exit-evaluations", new { reason = "已回归普通学校。" })).ReadOkAsync();
        return await factory.OpenTaskAsync(caseId, started["workflowInstanceId"]!.GetValue<string>());
    }
}
