using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.Guardianship;

/// <summary>Employers and cases with a parent working away, for the guardianship consultation facts.</summary>
internal static class GuardianshipWorld
{
    private static int _sequence = Random.Shared.Next(1000, 9000);

    public static string NewPhone() => "137" + Interlocked.Increment(ref _sequence).ToString("0000", CultureInfo.InvariantCulture)
        + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    public static string NewEmployerName() => "璧山测试企业" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)
        + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);

    public static object Employer(string name, string phone, int openings = 2, string signedOn = "2026-03-01") => new
    {
        name, industry = "电子制造", contactPerson = "周经理", contactPhone = phone, cooperationSigned = true, signedOn,
        jobs = new object[] { new { title = "装配工", openings }, new { title = "仓库管理员", openings = 1 } },
    };

    /// <summary>Adds an employer as 区民政局 and returns it (jobs: 装配工, 仓库管理员).</summary>
    public static async Task<JsonObject> NewEmployerAsync(this BishanWebFactory factory, int openings = 2)
    {
        var civil = await factory.ClientAsync(SupervisorCivil);
        return await (await civil.PostAsJsonAsync("/api/guardianship/employers", Employer(NewEmployerName(), NewPhone(), openings))).ReadOkAsync();
    }

    /// <summary>A case referred with a father working in Shenzhen (and the caseworker's client).</summary>
    public static async Task<(string CaseId, HttpClient Caseworker)> CaseWithFatherAwayAsync(this BishanWebFactory factory)
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA);
        referral["family"] = new JsonObject
        {
            ["situation"] = "BothParentsAway",
            ["members"] = new JsonArray(new JsonObject
            {
                ["name"] = "王建国", ["relationship"] = "Father", ["isLegalGuardian"] = true, ["phone"] = NewPhone(),
                ["residence"] = "OutsideChongqing", ["city"] = "广东深圳", ["employer"] = "深圳某电子厂", ["livesWithMinor"] = false,
            }),
        };
        var (caseId, _) = await caseworker.ReferAsync(referral);
        return (caseId, caseworker);
    }

    /// <summary>Proposes a consultation on the case as its caseworker; returns its id.</summary>
    public static async Task<long> ProposeAsync(HttpClient caseworker, string caseId)
    {
        var proposed = await (await caseworker.PostAsJsonAsync($"/api/cases/{caseId}/guardianship-consultations",
            new { reason = "父亲常年在外务工，孩子由年迈的祖父照看，近期多次逃学。" })).ReadOkAsync();
        return proposed["consultationId"]!.GetValue<long>();
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
