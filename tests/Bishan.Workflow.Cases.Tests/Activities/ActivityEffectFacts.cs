using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tests.Support;
using Bishan.Workflow.Engine.Execution;

namespace Bishan.Workflow.Cases.Tests.Activities;

/// <summary>Each domain activity emits one effect record with the case, the instance and its values, and completes.</summary>
public sealed class ActivityEffectFacts
{
    private static JsonObject Literal(JsonNode? value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Liquid(string template) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = template } };

    private static JsonObject Variable(string name) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Variable", ["value"] = name } };

    /// <summary>Runs Start → the activity with variables caseId = case-var, tier = Severe, action = Unsupervised.</summary>
    private static async Task<CaseHarness> RunAsync(string type, JsonObject inputs, string? caseVariable = "case-var", string? correlationId = null)
    {
        var activity = new JsonObject { ["id"] = "act", ["type"] = type, ["version"] = 1 };
        foreach (var (key, value) in inputs) activity[key] = value?.DeepClone();
        var variables = new JsonArray(
            new JsonObject { ["id"] = "caseId", ["name"] = "caseId", ["typeName"] = "String", ["value"] = caseVariable },
            new JsonObject { ["id"] = "tier", ["name"] = "tier", ["typeName"] = "String", ["value"] = "Severe" },
            new JsonObject { ["id"] = "action", ["name"] = "action", ["typeName"] = "String", ["value"] = "Unsupervised" });
        var doc = new JsonObject
        {
            ["definitionId"] = "single",
            ["name"] = "single",
            ["variables"] = variables,
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start" }, activity),
                ["connections"] = new JsonArray(new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "start", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = "act", ["port"] = "In" },
                }),
            },
        };
        var h = new CaseHarness(CaseHarness.Parse(doc.ToJsonString()));
        await h.StartAsync(new StartWorkflowRequest { InstanceId = "wf-1", CorrelationId = correlationId });
        Assert.Equal(WorkflowSubStatus.Finished, h.State.SubStatus);
        Assert.Single(h.Effects);
        return h;
    }

    private static readonly DateTime Now = CaseHarness.Epoch.UtcDateTime;

    [Fact]
    public async Task SetCaseStatus_EmitsCaseStatusChanged()
    {
        var h = await RunAsync("Bishan.SetCaseStatus", new() { ["status"] = Literal("exitevaluation"), ["reason"] = Liquid("个案 {{ caseId }} 申请出库") });

        Assert.Equal(new CaseStatusChanged("case-var", "wf-1", "ExitEvaluation", "个案 case-var 申请出库", Now), h.Effect<CaseStatusChanged>());
    }

    [Fact]
    public async Task RegisterCase_EmitsCaseRegistered_FromVariables()
    {
        var h = await RunAsync("Bishan.RegisterCase", new() { ["action"] = Variable("action"), ["tier"] = Variable("tier") });

        Assert.Equal(new CaseRegistered("case-var", "wf-1", "Unsupervised", "Severe", null, Now), h.Effect<CaseRegistered>());
    }

    [Fact]
    public async Task ChangeTier_EmitsCaseTierChanged()
    {
        var h = await RunAsync("Bishan.ChangeTier", new() { ["targetTier"] = Literal("Light"), ["reason"] = Literal("情况好转") });

        Assert.Equal(new CaseTierChanged("case-var", "wf-1", "Light", "情况好转", Now), h.Effect<CaseTierChanged>());
    }

    [Fact]
    public async Task ExitCase_EmitsCaseExited()
    {
        var h = await RunAsync("Bishan.ExitCase", new() { ["reason"] = Literal("评估合格") });

        Assert.Equal(new CaseExited("case-var", "wf-1", "评估合格", Now), h.Effect<CaseExited>());
    }

    [Fact]
    public async Task DecideSubsidy_EmitsSubsidyDecided()
    {
        var h = await RunAsync("Bishan.DecideSubsidy", new() { ["subsidyId"] = Literal("42"), ["decision"] = Literal("rejected"), ["reason"] = Literal("家庭已获低保") });

        Assert.Equal(new SubsidyDecided("case-var", "wf-1", "42", "Rejected", "家庭已获低保", Now), h.Effect<SubsidyDecided>());
    }

    [Fact]
    public async Task ReenterCase_EmitsCaseReentered()
    {
        var h = await RunAsync("Bishan.ReenterCase", new() { ["reason"] = Literal("再次辍学") });

        Assert.Equal(new CaseReentered("case-var", "wf-1", "再次辍学", Now), h.Effect<CaseReentered>());
    }

    [Fact]
    public async Task CloseCase_EmitsCaseClosed_WithCorrelationIdAsCase_WhenVariableIsEmpty()
    {
        var h = await RunAsync("Bishan.CloseCase", new() { ["reason"] = Literal("不符合条件") }, caseVariable: null, correlationId: "case-corr");

        Assert.Equal(new CaseClosed("case-corr", "wf-1", "不符合条件", Now), h.Effect<CaseClosed>());
    }

    [Fact]
    public async Task AddTimelineEntry_EmitsRenderedText()
    {
        var h = await RunAsync("Bishan.AddTimelineEntry", new() { ["text"] = Liquid("程度：{{ tier }}") });

        Assert.Equal(new TimelineEntryAdded("case-var", "wf-1", "程度：Severe", Now), h.Effect<TimelineEntryAdded>());
    }

    [Fact]
    public async Task Notify_EmitsNotificationRequested()
    {
        var h = await RunAsync("Bishan.Notify", new()
        {
            ["recipient"] = Literal("case.coordinator"),
            ["title"] = Literal("提醒"),
            ["message"] = Liquid("请关注 {{ caseId }}"),
        });

        Assert.Equal(new NotificationRequested("case-var", "wf-1", "case.coordinator", "提醒", "请关注 case-var", Now), h.Effect<NotificationRequested>());
    }

    [Fact]
    public async Task BuildMeetingAgenda_EmitsMeetingScheduled_AtNowPlusScheduledIn()
    {
        var h = await RunAsync("Bishan.BuildMeetingAgenda", new()
        {
            ["meetingKind"] = Literal("Monthly"),
            ["topic"] = Literal("心理健康"),
            ["scheduledIn"] = Literal("P2DT3H"),
        }, caseVariable: null);

        Assert.Equal(new MeetingScheduled("wf-1", "Monthly", "心理健康", Now.AddDays(2).AddHours(3), Now), h.Effect<MeetingScheduled>());
    }

    [Fact]
    public async Task CreateDecisionTasks_EmitsDecisions_FromJsonArray()
    {
        var h = await RunAsync("Bishan.CreateDecisionTasks", new()
        {
            ["decisions"] = Literal("""[{"caseId":"c-1","text":"复学"},{"text":"通报"}]"""),
            ["dueIn"] = Literal("P3D"),
        }, caseVariable: null);

        var effect = h.Effect<DecisionTasksRequested>();
        Assert.Equal([new MeetingDecision("c-1", "复学"), new MeetingDecision(null, "通报")], effect.Decisions);
        Assert.Equal(("case.caseworker", Now.AddDays(3), "wf-1"), (effect.Assignee, effect.DueAtUtc, effect.InstanceId));
    }

    [Fact]
    public async Task GenerateSpecialReport_EmitsSpecialReportRequested_WithDefaultRecipients()
    {
        var h = await RunAsync("Bishan.GenerateSpecialReport", new() { ["title"] = Literal("专报"), ["period"] = Literal("Adhoc") }, caseVariable: null);

        Assert.Equal(new SpecialReportRequested("wf-1", "专报", "Adhoc", "区委教育工作领导小组；区督查办", null, Now), h.Effect<SpecialReportRequested>());
    }

    [Fact]
    public async Task StartWorkflow_EmitsWorkflowStartRequested_WithCaseIdInInputAndAsCorrelation()
    {
        var h = await RunAsync("Bishan.StartWorkflow", new()
        {
            ["definitionId"] = Literal("post-exit-follow-up"),
            ["input"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = new JsonObject { ["a"] = 1 } } },
        });

        var effect = h.Effect<WorkflowStartRequested>();
        Assert.Equal(("case-var", "post-exit-follow-up", "case-var"), (effect.CaseId, effect.DefinitionId, effect.CorrelationId));
        Assert.Equal("""{"a":1,"caseId":"case-var"}""", effect.Input.ToJsonString());
    }

    [Theory]
    [InlineData("Bishan.RegisterCase", "tier", "Huge")]
    [InlineData("Bishan.SetCaseStatus", "status", "Archived")]
    public async Task Activity_Faults_WhenBoundValueIsNotAnOption(string type, string input, string value)
    {
        var inputs = new JsonObject { ["action"] = Literal("MentalHealth"), ["tier"] = Literal("Light"), ["status"] = Literal("Closed") };
        inputs[input] = Literal(value);
        var h = new CaseHarness(CaseHarness.Parse(SingleJson(type, inputs)));

        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => h.StartAsync(new StartWorkflowRequest { CorrelationId = "c-1" }));

        Assert.Contains(value, Assert.Single(h.State.Incidents).Message);
        Assert.Empty(h.Effects);
    }

    [Fact]
    public async Task CaseActivity_Faults_WithoutCase()
    {
        var h = new CaseHarness(CaseHarness.Parse(SingleJson("Bishan.CloseCase", new JsonObject { ["reason"] = Literal("x") })));

        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => h.StartAsync(new StartWorkflowRequest()));

        Assert.Contains("caseId", Assert.Single(h.State.Incidents).Message);
    }

    private static string SingleJson(string type, JsonObject inputs)
    {
        var activity = new JsonObject { ["id"] = "act", ["type"] = type };
        foreach (var (key, value) in inputs) activity[key] = value?.DeepClone();
        return new JsonObject
        {
            ["definitionId"] = "single",
            ["root"] = new JsonObject { ["id"] = "flow", ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray(activity) },
        }.ToJsonString();
    }
}
