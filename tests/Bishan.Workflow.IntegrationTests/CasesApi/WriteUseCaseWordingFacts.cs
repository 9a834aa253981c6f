using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bishan.Workflow.Cases.Referrals.CreateReferral;
using Bishan.Workflow.IntegrationTests.Infrastructure;
using Mediator;
using static Bishan.Workflow.IntegrationTests.CasesApi.CasesWorld;

namespace Bishan.Workflow.IntegrationTests.CasesApi;

/// <summary>
/// Walks every write use case (every Mediator command of the Cases assembly) through its API endpoint with an empty body
/// and with a body of wrong values, in Chinese, and fails on any field message that shows a raw key (“name”, dateOfBirth)
/// or English words instead of the field's label. A new command must be added to <see cref="Walks"/> (or to
/// <see cref="WithoutInput"/> with the reason it takes no typed input), so it cannot slip past this check.
/// </summary>
[Collection(AppCollectionDefinition.Name)]
public sealed partial class WriteUseCaseWordingFacts(BishanWebFactory factory)
{
    private const string CaseId = "{case}";
    private const string TaskId = "{task}";

    /// <summary>Command → endpoint, who sends it, and the bodies that must be refused field by field.</summary>
    private static readonly Dictionary<string, Walk> Walks = new(StringComparer.Ordinal)
    {
        ["CreateReferral"] = new("/api/referrals", Caseworker: true,
            """{"name":"","gender":"Alien","dateOfBirth":"31/02/2012","idNumber":"123","orgUnitId":"no-such-unit","suggestedAction":"Flying","source":"Rumour"}"""),
        ["CreateHelper"] = new("/api/helpers", Caseworker: false,
            """{"name":"","kind":"Wizard","orgUnitId":"no-such-unit","phone":"not a phone"}"""),
        ["UpdateHelper"] = new("/api/helpers/{helper}", Caseworker: false,
            """{"name":"","kind":"Wizard","orgUnitId":"no-such-unit","phone":"not a phone"}""", Method: "PUT"),
        ["AssignHelper"] = new($"/api/cases/{CaseId}/helpers", Caseworker: false, """{"helperId":-5,"role":"Boss"}"""),
        ["CreateBudgetLine"] = new("/api/funding/budget-lines", Caseworker: false,
            """{"year":1800,"name":"","orgUnitId":"no-such-unit","amount":-3}"""),
        ["RecordExpenditure"] = new("/api/funding/expenditures", Caseworker: false,
            """{"budgetLineId":-1,"amount":-3,"purpose":"","spentOn":"yesterday-ish"}"""),
        ["RequestSubsidy"] = new($"/api/cases/{CaseId}/subsidies", Caseworker: true, """{"amount":-3,"reason":"","budgetLineId":-1}"""),
        ["RequestEscalation"] = new($"/api/cases/{CaseId}/escalations", Caseworker: true, """{"targetTier":"Extreme","reason":""}"""),
        ["RequestExitEvaluation"] = new($"/api/cases/{CaseId}/exit-evaluations", Caseworker: true, $$"""{"reason":"{{new string('x', 5000)}}"}""",
            EmptyIsValid: true),
        ["AddHelpRecord"] = new($"/api/cases/{CaseId}/help-records", Caseworker: true,
            """{"occurredOn":"someday","kind":"Magic","content":"","helperId":-1}"""),
        ["ReassignTask"] = new($"/api/tasks/{TaskId}/reassign", Caseworker: true, """{"userName":""}"""),
        ["CommentOnTask"] = new($"/api/tasks/{TaskId}/comment", Caseworker: true, """{"text":""}"""),
        ["CompleteTask"] = new($"/api/tasks/{TaskId}/complete", Caseworker: true,
            """{"outcome":"Eligible","data":{"proposedAction":"Flying","proposedTier":"Extreme"}}"""),
        ["AddFamilyMember"] = new($"/api/cases/{CaseId}/family/members", Caseworker: true,
            """{"name":"","relationship":"Uncle-ish","phone":"12345","residence":"Mars"}"""),
        ["SetFamilySituation"] = new($"/api/cases/{CaseId}/family/situation", Caseworker: true, """{"situation":"Lost","support":"Gold"}""", Method: "PUT"),
        ["CreateOrgUnit"] = new("/api/admin/org-units", Caseworker: false, """{"name":"","kind":"Castle","parentId":"no-such-unit"}"""),
        ["ReferFamilyForGuidance"] = new($"/api/cases/{CaseId}/family-education", Caseworker: true, $$"""{"reason":"{{new string('x', 600)}}"}"""),
        ["IssueSupervisionNotice"] = new("/api/supervision", Caseworker: false,
            """{"unitId":"no-such-unit","subject":"","requirement":"","deadline":"soon"}"""),
        ["CreateEmployer"] = new("/api/guardianship/employers", Caseworker: false,
            """{"name":"","industry":"","contactPerson":"","contactPhone":"+1 415 555 0100","signedOn":"someday","jobs":[{"title":"","openings":0}]}"""),
        ["ProposeConsultation"] = new($"/api/cases/{CaseId}/guardianship-consultations", Caseworker: true, """{"reason":"  "}"""),
    };

    /// <summary>Commands whose only input is an id in the route: nothing to word but "not found" or "not allowed".</summary>
    private static readonly HashSet<string> WithoutInput =
        ["ClaimTask", "UnclaimTask", "ReleaseHelper", "RevealIdNumber", "PaySubsidy", "MarkNotificationRead",
         "RemoveFamilyMember", "RevealFamilyPhone", "RetireOrgUnit", "GetSpecialReport", "SubmitSpecialReport", "RevealGuidancePhone"];

    /// <summary>
    /// Commands whose zh-CN field messages their own facts assert (PlanFacts, MeetingRunFacts, IncidentFacts,
    /// CriteriaCatalogueFacts, FamilyFacts for a change of member, OrganisationFacts, SpecialReportFacts, GuardianshipFacts, FamilyEducationFacts for a
    /// referral's decision, plan, session and evaluation, which only its sub-centre's guidance worker may send, and ParentClassFacts for a parent
    /// class's scheduling, invitations, attendance, moving and cancellation, which only guidance workers may send).
    /// </summary>
    private static readonly HashSet<string> WalkedByTheirOwnFacts =
        ["RevisePlan", "ScheduleSpecialMeeting", "AddAgendaCase", "RecordMeeting", "StartWeeklyConsultation", "RecordIncident", "PublishCriteria",
         "ChangeFamilyMember", "RenameOrgUnit", "MoveOrgUnit", "DraftSpecialReport", "EditSpecialReport", "SignOffSpecialReport",
         "GetSpecialReportDocument", "ChangeEmployer", "ArrangeConsultation", "RecordConsultation", "RecordFollowUp",
         "DecideFamilyEducationReferral", "PlanFamilyGuidance", "RecordGuidanceSession", "EvaluateFamilyEducationReferral",
         "ScheduleFamilyEducationClass", "InviteToFamilyEducationClass", "RecordFamilyEducationClassAttendance", "CancelFamilyEducationClass",
         "RescheduleFamilyEducationClass"];

    public static TheoryData<string> WalkedCommands() => [.. Walks.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryWriteUseCase_IsWalked()
    {
        var commands = typeof(CreateReferral).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false }
                        && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .Select(t => t.Name)
            .ToList();

        Assert.Contains("CreateReferral", commands);
        var unwalked = commands.Where(c => !Walks.ContainsKey(c) && !WithoutInput.Contains(c) && !WalkedByTheirOwnFacts.Contains(c)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unwalked.Count == 0, $"Write use cases whose messages nobody checks: {string.Join(", ", unwalked)}");
    }

    [Theory]
    [MemberData(nameof(WalkedCommands))]
    public async Task WriteUseCase_WordsEveryFieldErrorByItsChineseLabel(string command)
    {
        var walk = Walks[command];
        var who = walk.Caseworker ? CaseworkerA : Administrator;
        var path = await PathAsync(walk.Path);
        var client = await factory.ClientAsync(who);

        foreach (var body in walk.EmptyIsValid ? [walk.BadBody] : (string[])["{}", walk.BadBody])
        {
            using var request = new HttpRequestMessage(new HttpMethod(walk.Method), path)
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.AcceptLanguage.ParseAdd("zh-CN");

            var problem = await (await client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest);

            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is { Count: > 0 }, $"{command} {body}: no field errors in {problem.ToJsonString()}");
            foreach (var (field, messages) in errors)
                foreach (var message in messages!.AsArray().Select(m => m!.GetValue<string>()))
                {
                    Assert.False(message.Contains(field, StringComparison.Ordinal) && field.Any(char.IsAsciiLetter),
                        $"{command}: the message for {field} shows its key: {message}");
                    Assert.DoesNotMatch(RawKeyOrEnglish(), message);
                }
        }
    }

    private async Task<string> PathAsync(string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        var registered = await factory.RegisteredCaseAsync(CaseworkerA, SchoolA, AreaA);
        var helper = await factory.NewHelperAsync();
        return template.Replace(CaseId, registered.CaseId, StringComparison.Ordinal)
            .Replace(TaskId, registered.TaskId, StringComparison.Ordinal)
            .Replace("{helper}", helper.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <param name="EmptyIsValid">An empty body is a valid request (every field optional): only the bad body is sent.</param>
    private sealed record Walk(string Path, bool Caseworker, string BadBody, string Method = "POST", bool EmptyIsValid = false);

    // A quoted identifier (“name”), a camelCase key (dateOfBirth) or two English words in a row ("is required"): a
    // Chinese message may quote the user's own input or an enum value, but never reads as English.
    [GeneratedRegex("""[“"][a-z]\w*[”"]|\b[a-z]+[A-Z]\w*\b|\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b""")]
    private static partial Regex RawKeyOrEnglish();
}
