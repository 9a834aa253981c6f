using System.Net;
using System.Net.Http.Json;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;
using static Bishan.Workflow.IntegrationTests.Guardianship.GuardianshipWorld;

namespace Bishan.Workflow.IntegrationTests.Guardianship;

/// <summary>
/// The employer register (在璧企业, issue 10 point 3): kept by 区民政局 and administrators, read by the writing roles with the
/// contact phone masked, changes audited, bad input worded in the reader's language.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed class EmployerRegisterFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Register_KeptByCivilAffairs_ReadByCaseworkersWithThePhoneMasked_AndEveryChangeAudited()
    {
        var civil = await factory.ClientAsync(SupervisorCivil);
        var phone = NewPhone();
        var name = NewEmployerName();
        var response = await civil.PostAsJsonAsync("/api/guardianship/employers", Employer(name, phone));
        var created = await response.ReadOkAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = created["id"]!.GetValue<long>();
        Assert.Equal((phone, true, "2026-03-01", 3), (created["contactPhone"]!.GetValue<string>(), created["cooperationSigned"]!.GetValue<bool>(),
            created["signedOn"]!.GetValue<string>(), created["openPlaces"]!.GetValue<int>()));

        // A caseworker reads the register, phone masked everywhere, and may not change it.
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var register = await (await caseworker.GetAsync("/api/guardianship/employers")).ReadOkAsync();
        var listed = register["items"]!.AsArray().Single(e => e!["id"]!.GetValue<long>() == id)!;
        Assert.Equal(phone[..3] + "****" + phone[7..], listed["contactPhone"]!.GetValue<string>());
        Assert.False(register["mayKeep"]!.GetValue<bool>());
        Assert.DoesNotContain(phone, (await (await caseworker.GetAsync($"/api/guardianship/employers/{id}")).ReadOkAsync()).ToJsonString(), StringComparison.Ordinal);
        var refused = await (await caseworker.PostAsJsonAsync("/api/guardianship/employers", Employer(NewEmployerName(), NewPhone())))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("只有系统管理员和区民政局可以维护在璧企业名录、安排会商。", refused["detail"]!.GetValue<string>());

        // A change: the warehouse job goes, the assembly job grows; no phone sent keeps the stored one.
        var jobId = created["jobs"]![0]!["id"]!.GetValue<long>();
        var changed = await (await civil.PutAsJsonAsync($"/api/guardianship/employers/{id}", new
        {
            name, industry = "电子制造", contactPerson = "吴主任", cooperationSigned = true, signedOn = "2026-03-01",
            jobs = new object[] { new { id = jobId, title = "装配工", openings = 5 }, new { title = "质检员", openings = 1 } },
        })).ReadOkAsync();
        Assert.Equal(["装配工", "质检员"], changed["jobs"]!.AsArray().Select(j => j!["title"]!.GetValue<string>()));
        Assert.Equal((phone, "吴主任", 6), (changed["contactPhone"]!.GetValue<string>(), changed["contactPerson"]!.GetValue<string>(),
            changed["openPlaces"]!.GetValue<int>()));

        // The same name again is refused with the reason; the administrator keeps the register too.
        var admin = await factory.ClientAsync(Administrator);
        var duplicate = await (await admin.PostAsJsonAsync("/api/guardianship/employers", Employer(name, NewPhone()))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"“{name}”已在在璧企业名录中。", duplicate["detail"]!.GetValue<string>());

        var audits = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Employer" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal(2, audits.Count(a => a.Action == AuditActions.GuardianshipEmployerChange));
        Assert.All(audits, a => Assert.DoesNotContain(phone, a.Detail ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadEmployer_GetsFieldErrorsInTheReadersLanguage()
    {
        var civil = await factory.ClientAsync(SupervisorCivil);
        var body = new
        {
            name = " ", industry = "", contactPerson = "", contactPhone = "+1 415 555 0100", cooperationSigned = true, signedOn = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)),
            jobs = new object[] { new { title = "", openings = 0 } },
        };
        var zh = await (await civil.PostAsJsonAsync("/api/guardianship/employers", body)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = zh["errors"]!;
        Assert.Equal("联系电话须为中国大陆手机号（11 位）或带区号的固定电话（如 023-12345678）。", errors["contactPhone"]![0]!.GetValue<string>());
        Assert.Equal("签约日期不能晚于今天。", errors["signedOn"]![0]!.GetValue<string>());
        Assert.Equal("招用人数须在 1 到 1000 之间。", errors["jobs[0].openings"]![0]!.GetValue<string>());
        Assert.Contains("所属行业", errors["industry"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("岗位名称", errors["jobs[0].jobTitle"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/guardianship/employers") { Content = JsonContent.Create(body) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await civil.SendAsync(english)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Contact phone must be a mainland China mobile (11 digits) or landline with area code (023-12345678).",
            en["errors"]!["contactPhone"]![0]!.GetValue<string>());
        Assert.Contains("Industry", en["errors"]!["industry"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
