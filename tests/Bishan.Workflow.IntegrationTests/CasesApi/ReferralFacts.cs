using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

[Collection(AppCollectionDefinition.Name)]
public sealed class ReferralFacts(BishanWebFactory factory)
{
    [Fact]
    public async Task Referral_Returns201AndOpensScreeningTaskForTheSchoolCaseworker()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var (caseId, instanceId) = await client.ReferAsync(NewReferral(SchoolA));

        Assert.False(string.IsNullOrEmpty(instanceId));
        var caseworkerId = await factory.UserIdAsync(CaseworkerA);
        var @case = await factory.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal(caseworkerId, @case.CaseworkerUserId);
        Assert.Equal(AreaA, @case.AreaId);
        Assert.Matches(@"^BS-\d{4}-\d{4}$", @case.FileNumber);

        // The workflow bridge turned case-intake's screening bookmark into a task for the school's caseworker.
        var task = await factory.QueryAsync(db => db.WorkTasks.SingleAsync(t => t.CaseId == caseId && t.Status == WorkTaskStatus.Open));
        Assert.Equal(caseworkerId, task.AssigneeUserId);
        Assert.Equal(Bishan.Workflow.Cases.Vocabulary.CaseStatus.Screening, (await factory.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == caseId))).Status);
    }

    [Fact]
    public async Task RevealIdNumber_GivesTheCaseworkerTheWholeNumber_Audited_AndRefusesASupervisor()
    {
        var caseworker = await factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA);
        var (caseId, _) = await caseworker.ReferAsync(referral);
        var idNumber = referral["idNumber"]!.GetValue<string>();

        var revealed = await (await caseworker.PostAsync($"/api/cases/{caseId}/id-number/reveal", null)).ReadOkAsync();
        Assert.Equal(idNumber, revealed["idNumber"]!.GetValue<string>());
        var userId = await factory.UserIdAsync(CaseworkerA);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "case.id-number.reveal" && a.EntityId == caseId && a.UserId == userId)));

        // The area's supervisor reads the file, masked, and may not reveal it.
        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        var file = await (await supervisor.GetAsync($"/api/cases/{caseId}")).ReadOkAsync();
        Assert.True(file["profile"]!["idNumberMasked"]!.GetValue<bool>());
        var refused = await (await supervisor.PostAsync($"/api/cases/{caseId}/id-number/reveal", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(idNumber, refused.ToJsonString());
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == "case.id-number.reveal" && a.EntityId == caseId && a.UserId != userId)));
    }

    [Fact]
    public async Task Referral_Returns409WithMaskedCandidates_WhenSameIdNumber_And201WithOverride()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA);
        await client.ReferAsync(referral);
        var idNumber = referral["idNumber"]!.GetValue<string>();

        var again = NewReferral(SchoolA, idNumber: idNumber);
        var response = await client.PostAsJsonAsync("/api/referrals", again);
        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var candidate = Assert.Single(problem["candidates"]!.AsArray())!;
        Assert.Equal(idNumber[..6] + "********" + idNumber[14..], candidate["idNumber"]!.GetValue<string>());
        Assert.DoesNotContain(idNumber, problem.ToJsonString());

        again["overrideDuplicateReason"] = "同号不同人，已与派出所核实。";
        await client.ReferAsync(again);
    }

    [Fact]
    public async Task Referral_Returns409_WhenSameNameAndDateOfBirthWithoutIdNumber()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var first = NewReferral(SchoolA);
        first.Remove("idNumber");
        await client.ReferAsync(first);
        var second = NewReferral(SchoolA2, name: first["name"]!.GetValue<string>());
        second.Remove("idNumber");

        var supervisor = await factory.ClientAsync(SupervisorAreaA);
        var response = await supervisor.PostAsJsonAsync("/api/referrals", second);
        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("500227201203041235", "CheckCharacter")]   // last digit wrong
    [InlineData("500227201302301234", "BirthDate")]        // 30 February
    [InlineData("50022720120304123", "WrongLength")]       // 17 characters
    [InlineData("5002272012030412345", "WrongLength")]     // 19 characters
    public async Task Referral_Returns400WithIdNumberMessage_WhenIdNumberIsInvalid(string idNumber, string kind)
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var before = await factory.QueryAsync(db => db.Cases.CountAsync());
        var referral = NewReferral(SchoolA, idNumber: kind == "CheckCharacter" ? WrongCheckDigit() : idNumber);

        var problem = await (await client.PostAsJsonAsync("/api/referrals", referral)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem["errors"]!["idNumber"]!.AsArray())!.GetValue<string>();
        Assert.Contains("身份证", message);
        Assert.Equal(before, await factory.QueryAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Referral_Returns400_WhenIdNumberDisagreesWithDateOfBirth()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA);
        referral["dateOfBirth"] = "2011-03-04";
        var problem = await (await client.PostAsJsonAsync("/api/referrals", referral)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["idNumber"]);
    }

    [Fact]
    public async Task Referral_SpeaksEnglish_WhenAskedTo()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var referral = NewReferral(SchoolA, idNumber: "50022720120304123");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(referral) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("18", problem["errors"]!["idNumber"]![0]!.GetValue<string>());
        Assert.DoesNotContain("身份证", problem["errors"]!["idNumber"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("no-such-unit")]
    [InlineData("area-bicheng")]      // an area is not a school or community
    [InlineData("dept-health")]
    public async Task Referral_Returns400_WhenOrgUnitIsUnknownOrNotASchoolOrCommunity(string orgUnitId)
    {
        var client = await factory.ClientAsync(Administrator);
        var problem = await (await client.PostAsJsonAsync("/api/referrals", NewReferral(orgUnitId))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["orgUnitId"]);
    }

    [Theory]
    [InlineData("name", 51)]
    [InlineData("reason", 2001)]
    [InlineData("source", 201)]
    [InlineData("overrideDuplicateReason", 1001)]
    public async Task Referral_Returns400_WhenTextIsOversized(string field, int length)
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var before = await factory.QueryAsync(db => db.Cases.CountAsync());
        var referral = NewReferral(SchoolA);
        referral[field] = new string('长', length);
        var problem = await (await client.PostAsJsonAsync("/api/referrals", referral)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(before, await factory.QueryAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Referral_Returns400WithEveryFieldError_WhenBodyIsEmpty()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var problem = await (await client.PostAsJsonAsync("/api/referrals", new { gender = "Other" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "name", "gender", "dateOfBirth", "orgUnitId", "reason" })
            Assert.True(errors.ContainsKey(field), field);
    }

    [Fact]
    public async Task Referral_Returns403_WhenCaseworkerRefersToAnotherSchool()
    {
        var client = await factory.ClientAsync(CaseworkerB);
        var response = await client.PostAsJsonAsync("/api/referrals", NewReferral(SchoolA));
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Referral_Returns403_WhenLeaderRefers()
    {
        var client = await factory.ClientAsync(Leader);
        var response = await client.PostAsJsonAsync("/api/referrals", NewReferral(SchoolA));
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Referral_WritesAnAuditRow()
    {
        var client = await factory.ClientAsync(CaseworkerA);
        var (caseId, _) = await client.ReferAsync(NewReferral(SchoolA));
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityId == caseId).ToListAsync());
        Assert.Contains(audit, a => a.Action == "referral.create" && a.UserName == CaseworkerA.UserName);
    }

    private static string WrongCheckDigit()
    {
        var valid = IdNumberFor(new DateOnly(2012, 3, 4), male: true, sequence: 7);
        var wrong = valid[17] == '1' ? '2' : '1';
        return valid[..17] + wrong;
    }
}
