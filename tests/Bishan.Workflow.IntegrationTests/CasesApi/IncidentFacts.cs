using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// The incident register and the outcome indicators (issue 12, point 4): who records and who reads, field errors in the
/// reader's language, the audited read of a linked case, the demo data giving the source's Jan–Sep 2023 year-on-year figures,
/// and a new incident changing the figure at once.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class IncidentFacts(BishanWebFactory factory)
{
    private static readonly TestUser Police = new("it-inc-police", Roles.Caseworker, OrgUnitIds.PublicSecurityBureau);
    private static readonly TestUser PoliticalLegal = new("it-inc-zfw", Roles.Supervisor, OrgUnitIds.PoliticalLegalCommittee);

    private async Task<HttpClient> ClientAsync(TestUser user)
    {
        await EnsureAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(user.UserName) is null)
            {
                var row = new AppUser { UserName = user.UserName, DisplayName = user.UserName, OrgUnitId = user.OrgUnitId };
                Assert.True((await users.CreateAsync(row, Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(row, user.Role)).Succeeded);
            }
        }
        return await factory.ClientAsync(user);
    }

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object NewIncident(string description, string kind = "Offence", string occurredOn = "2024-04-15", string? reportingBodyId = null,
        string? caseFileNumber = null) => new
        {
            kind, occurredOn, areaId = AreaA, schoolId = SchoolA, minorInRegister = caseFileNumber is not null, caseFileNumber,
            reportingBodyId, description,
        };

    private static async Task<JsonArray> ItemsAsync(HttpClient client, string query = "take=500") =>
        (await (await client.GetAsync("/api/incidents?" + query)).ReadOkAsync())["items"]!.AsArray();

    [Fact]
    public async Task Record_ByAReportingBody_IsReadByItAndTheTaskForce_AndRefusedToEveryoneElse()
    {
        var police = await ClientAsync(Police);
        var description = "盗窃电动车 " + Guid.NewGuid().ToString("N")[..8];

        var response = await police.PostAsJsonAsync("/api/incidents", NewIncident(description));
        var created = await response.ReadOkAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((OrgUnitIds.PublicSecurityBureau, "区公安局", "璧城片区教育管理中心", "璧泉初级中学"),
            (created["reportingBodyId"]!.GetValue<string>(), created["reportingBodyName"]!.GetValue<string>(),
             created["areaName"]!.GetValue<string>(), created["schoolName"]!.GetValue<string>()));
        var id = created["id"]!.GetValue<long>();
        Assert.Contains(await ItemsAsync(police), i => i!["description"]!.GetValue<string>() == description);
        Assert.Contains(await ItemsAsync(await factory.ClientAsync(SupervisorTaskForce)), i => i!["id"]!.GetValue<long>() == id);
        Assert.Contains(await ItemsAsync(await factory.ClientAsync(Leader)), i => i!["id"]!.GetValue<long>() == id);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientAsync(Secretary)).GetAsync($"/api/incidents/{id}")).StatusCode);

        // Another reporting body sees only its own reports, and not this one.
        var health = await factory.ClientAsync(SupervisorHealth);
        Assert.DoesNotContain(await ItemsAsync(health), i => i!["id"]!.GetValue<long>() == id);
        Assert.All(await ItemsAsync(health), i => Assert.Equal(OrgUnitIds.HealthCommission, i!["reportingBodyId"]!.GetValue<string>()));
        await (await health.GetAsync($"/api/incidents/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);

        // A school, an area and a department that reports nothing read none: 403 with the reason.
        foreach (var outsider in new[] { CaseworkerA, SupervisorAreaA, SupervisorCivil })
        {
            var client = await factory.ClientAsync(outsider);
            var problem = await (await client.GetAsync("/api/incidents")).ReadProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("报送单位", problem["detail"]!.GetValue<string>());
            await (await client.GetAsync($"/api/incidents/{id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/stats/outcomes")).ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        // Recording: not the leader (reads only), not the task force or a school (not reporting bodies).
        foreach (var refused in new[] { Leader, SupervisorTaskForce, CaseworkerA, SupervisorCivil })
        {
            var client = await factory.ClientAsync(refused);
            await (await client.PostAsJsonAsync("/api/incidents", NewIncident("不应登记", reportingBodyId: OrgUnitIds.HealthCommission)))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
        }
        Assert.Equal(0, await factory.QueryAsync(db => db.IncidentReports.CountAsync(i => i.Description == "不应登记")));
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync("/api/incidents/987654321")).StatusCode);

        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == AuditActions.IncidentCreate && a.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(Police.UserName, audit.UserName);
    }

    [Fact]
    public async Task Record_WithBadInput_Answers400WithEveryFieldError_InTheReadersLanguage()
    {
        var admin = await factory.ClientAsync(Administrator);
        var tomorrow = DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bad = new { kind = "Theft", occurredOn = tomorrow, areaId = "area-nowhere", description = " " };

        var zh = await (await admin.PostAsJsonAsync("/api/incidents", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = zh["errors"]!.AsObject();
        Assert.Equal(["areaId", "description", "kind", "occurredOn", "reportingBodyId"], errors.Select(e => e.Key).Order());
        Assert.Equal("日期不能晚于今天。", errors["occurredOn"]![0]!.GetValue<string>());
        Assert.Equal("找不到片区 area-nowhere。", errors["areaId"]![0]!.GetValue<string>());
        Assert.Equal("报送单位必填。", errors["reportingBodyId"]![0]!.GetValue<string>());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(bad) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await admin.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Date cannot be after today.", en["errors"]!["occurredOn"]![0]!.GetValue<string>());
        Assert.Equal("Reporting body is required.", en["errors"]!["reportingBodyId"]![0]!.GetValue<string>());

        // Before 2000, a school of another area, a file number that does not exist, a body that is not a reporting body.
        var more = await (await admin.PostAsJsonAsync("/api/incidents", new
        {
            kind = "SuicideAttempt", occurredOn = "1999-12-31", areaId = AreaB, schoolId = SchoolA, minorInRegister = true,
            caseFileNumber = "BS-9999-0001", reportingBodyId = "dept-civil-affairs", description = "测试",
        })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("日期不能早于 2000-01-01。", more["errors"]!["occurredOn"]![0]!.GetValue<string>());
        Assert.Equal("璧泉初级中学不属于青杠片区教育管理中心。", more["errors"]!["schoolId"]![0]!.GetValue<string>());
        Assert.Equal("找不到您有权查看的档案 BS-9999-0001，请核对档案编号。", more["errors"]!["caseFileNumber"]![0]!.GetValue<string>());
        Assert.StartsWith("报送单位须为以下之一：区委政法委、区公安局、区卫健委、区教委", more["errors"]!["reportingBodyId"]![0]!.GetValue<string>());

        // A reporting body reports for itself only.
        var police = await ClientAsync(Police);
        var other = await (await police.PostAsJsonAsync("/api/incidents", NewIncident("测试", reportingBodyId: OrgUnitIds.HealthCommission)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("您只能以本单位（区公安局）名义报送。", other["errors"]!["reportingBodyId"]![0]!.GetValue<string>());
        Assert.Equal(0, await factory.QueryAsync(db => db.IncidentReports.CountAsync(i => i.Description == "测试")));
    }

    [Fact]
    public async Task LinkedCase_OnlyInTheReportersScope_AndEveryReadOfItIsAuditedOnTheCase()
    {
        // A registered mental-health case: 区卫健委 sees it (its action), 区公安局 does not.
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var fileNumber = await factory.QueryAsync(db => db.Cases.Where(c => c.Id == registered.CaseId).Select(c => c.FileNumber).SingleAsync());
        var police = await ClientAsync(Police);
        var refused = await (await police.PostAsJsonAsync("/api/incidents", NewIncident("测试关联", caseFileNumber: fileNumber)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"找不到您有权查看的档案 {fileNumber}，请核对档案编号。", refused["errors"]!["caseFileNumber"]![0]!.GetValue<string>());

        var health = await factory.ClientAsync(SupervisorHealth);
        var response = await health.PostAsJsonAsync("/api/incidents",
            NewIncident("服药轻生，已送医脱离危险。", kind: "SuicideAttempt", caseFileNumber: fileNumber));
        var created = await response.ReadOkAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((registered.CaseId, fileNumber, true), (created["caseId"]!.GetValue<string>(), created["fileNumber"]!.GetValue<string>(),
            created["minorInRegister"]!.GetValue<bool>()));
        var id = created["id"]!.GetValue<long>();

        // The list names no case, so reading it is not a case read; the single read names it and is audited on the case.
        var taskForce = await factory.ClientAsync(SupervisorTaskForce);
        var listed = (await ItemsAsync(taskForce, "kind=SuicideAttempt&take=500")).Single(i => i!["id"]!.GetValue<long>() == id)!;
        Assert.Equal((true, null), (listed["caseLinked"]!.GetValue<bool>(), listed["caseId"]?.GetValue<string>()));
        var auditsBefore = await CaseAuditAsync(registered.CaseId);

        var read = await (await taskForce.GetAsync($"/api/incidents/{id}")).ReadOkAsync();

        Assert.Equal(fileNumber, read["fileNumber"]!.GetValue<string>());
        var audits = await CaseAuditAsync(registered.CaseId);
        var entry = Assert.Single(audits.Except(auditsBefore));
        Assert.Equal((SupervisorTaskForce.UserName, "Case"), (entry.UserName, entry.EntityType));
        Assert.Contains($"incident {id}", entry.Detail);
    }

    private Task<List<Bishan.Workflow.Cases.Model.AuditEntry>> CaseAuditAsync(string caseId) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.IncidentRead && a.EntityId == caseId).ToListAsync());

    [Fact]
    public async Task DemoIncidents_GiveTheSourcesYearOnYearFigures_ForJanuaryToSeptember2023()
    {
        await factory.QueryAsync(db => DemoIncidents.LoadAsync(db, TimeProvider.System, OrgUnitSeed.Tree, CancellationToken.None));
        var leader = await factory.ClientAsync(Leader);

        var figures = await (await leader.GetAsync("/api/stats/outcomes?from=2023-01-01&to=2023-09-30")).ReadOkAsync();

        Assert.True(figures["districtWide"]!.GetValue<bool>());
        Assert.Equal(("2022-01-01", "2022-09-30", 140000), (figures["previous"]!["from"]!.GetValue<string>(), figures["previous"]!["to"]!.GetValue<string>(),
            figures["previous"]!["minorPopulation"]!.GetValue<int>()));
        var byKind = figures["indicators"]!.AsArray().ToDictionary(i => i!["kind"]!.GetValue<string>(), i => i!);
        // The source: 犯罪率 −38.9% (a rate), 轻生人数 −50%, 非正常死亡人数 −33% (counts).
        Assert.Equal((16, 26, -38.9m), Figures(byKind["Offence"], "rateChangePercent"));
        Assert.Equal((1.13m, 1.86m), (byKind["Offence"]["current"]!["ratePer10k"]!.GetValue<decimal>(), byKind["Offence"]["previous"]!["ratePer10k"]!.GetValue<decimal>()));
        Assert.Equal((2, 4, -50m), Figures(byKind["SuicideAttempt"], "countChangePercent"));
        Assert.Equal((2, 3, -33.3m), Figures(byKind["AbnormalDeath"], "countChangePercent"));
        Assert.Equal(-33m, Math.Round(byKind["AbnormalDeath"]["countChangePercent"]!.GetValue<decimal>()));

        // The special report (专报) states the same, in the district's words.
        var options = factory.Services.GetRequiredService<OutcomeOptions>();
        var report = await factory.QueryAsync(db => OutcomeReport.WriteAsync(db.IncidentReports, new DateTime(2023, 9, 30, 8, 0, 0, DateTimeKind.Utc), options,
            CancellationToken.None));
        Assert.Contains("未成年人违法犯罪：16起（上年同期26起，下降38.5%）；每万名未成年人1.13（上年同期1.86，下降38.9%）。", report);
        Assert.Contains("未成年人轻生：2起（上年同期4起，下降50%）", report);
        Assert.Contains("未成年人非正常死亡：2起（上年同期3起，下降33.3%）", report);

        // Loading again writes nothing.
        Assert.Equal(0, await factory.QueryAsync(db => DemoIncidents.LoadAsync(db, TimeProvider.System, OrgUnitSeed.Tree, CancellationToken.None)));
    }

    private static (int Now, int Before, decimal Change) Figures(JsonNode indicator, string change) =>
        (indicator["current"]!["count"]!.GetValue<int>(), indicator["previous"]!["count"]!.GetValue<int>(), indicator[change]!.GetValue<decimal>());

    [Fact]
    public async Task NewIncident_ChangesTheYearOnYearFigureAtOnce()
    {
        var zfw = await ClientAsync(PoliticalLegal);
        var taskForce = await factory.ClientAsync(SupervisorTaskForce);
        // March 2021 against March 2020: periods no other fact writes into.
        async Task<JsonNode> OffenceAsync(HttpClient client) =>
            (await (await client.GetAsync("/api/stats/outcomes?from=2021-03-01&to=2021-03-31")).ReadOkAsync())["indicators"]!.AsArray()
            .Single(i => i!["kind"]!.GetValue<string>() == "Offence")!;
        var before = await OffenceAsync(taskForce);
        if (before["previous"]!["count"]!.GetValue<int>() == 0)
            Assert.Equal(HttpStatusCode.Created, (await zfw.PostAsJsonAsync("/api/incidents", NewIncident("上年同期一起", occurredOn: "2020-03-10"))).StatusCode);
        before = await OffenceAsync(taskForce);

        var response = await zfw.PostAsJsonAsync("/api/incidents", NewIncident("寻衅滋事，已训诫。", occurredOn: "2021-03-20"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var after = await OffenceAsync(taskForce);
        var (now, earlier) = (after["current"]!["count"]!.GetValue<int>(), after["previous"]!["count"]!.GetValue<int>());
        Assert.Equal(before["current"]!["count"]!.GetValue<int>() + 1, now);
        Assert.Equal(OutcomeIndicators.Change(now, earlier), after["countChangePercent"]!.GetValue<decimal>());
        Assert.NotEqual(before["countChangePercent"]!.GetValue<decimal>(), after["countChangePercent"]!.GetValue<decimal>());

        // 区委政法委 reads the indicators of its own reports; the 2021 rate has no population set.
        var own = await (await zfw.GetAsync("/api/stats/outcomes?from=2021-03-01&to=2021-03-31")).ReadOkAsync();
        Assert.False(own["districtWide"]!.GetValue<bool>());
        Assert.Null(own["indicators"]![0]!["current"]!["ratePer10k"]?.GetValue<decimal>());
    }

    [Fact]
    public async Task Indicators_RefuseABadPeriod_WithFieldErrors()
    {
        var leader = await factory.ClientAsync(Leader);
        var reversed = await (await leader.GetAsync("/api/stats/outcomes?from=2023-09-30&to=2023-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("截止日期不能早于起始日期。", reversed["errors"]!["to"]![0]!.GetValue<string>());
        var tooLong = await (await leader.GetAsync("/api/stats/outcomes?from=2022-01-01&to=2023-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("统计期间最长为一年。", tooLong["errors"]!["to"]![0]!.GetValue<string>());
        var notADate = await (await leader.GetAsync("/api/stats/outcomes?from=2023-13-01")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(notADate["errors"]!.AsObject().ContainsKey("from"));
        var defaults = await (await leader.GetAsync("/api/stats/outcomes")).ReadOkAsync();
        Assert.Equal((Today[..4] + "-01-01", Today), (defaults["period"]!["from"]!.GetValue<string>(), defaults["period"]!["to"]!.GetValue<string>()));
    }
}
