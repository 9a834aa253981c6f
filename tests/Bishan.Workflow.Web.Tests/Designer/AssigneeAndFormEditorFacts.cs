using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Web.Components.Designer;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace Bishan.Workflow.Web.Tests.Designer;

/// <summary>The assignee picker (case rules, role in an org unit, user) and the user task's form-field table.</summary>
public sealed class AssigneeAndFormEditorFacts : UiTestContext
{
    public AssigneeAndFormEditorFacts()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(OrgUnitSeed.Tree);
    }

    [Fact]
    public void AssigneePicker_ShowsTheExistingCaseRuleSelected_WithItsLabel()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "assignee");

        Assert.Equal("case.caseworker", Select(cut, "assignee-kind-assignee").Instance.GetState(x => x.Value));
        Assert.Contains("个案的帮扶责任人", Shown(cut, "assignee-kind-assignee"));
        Assert.Empty(cut.FindAll("[data-testid=assignee-role-assignee]"));
    }

    [Fact]
    public async Task AssigneePicker_SecretaryInTheTaskForce_WritesTheRoleRule()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "assignee");

        await Choose(cut, "assignee-kind-assignee", "role");
        await Choose(cut, "assignee-role-assignee", "Secretary");
        var taskForce = OrgUnitSeed.All.Single(u => u.Name == "区级“五项行动”专班");
        await Choose(cut, "assignee-unit-assignee", taskForce.Id);

        Assert.Equal("role:Secretary@task-force", Literal(session, "screening", "assignee"));
        Assert.Contains("区级“五项行动”专班", Shown(cut, "assignee-unit-assignee"));
    }

    [Fact]
    public void AssigneePicker_ShowsAnExistingRoleRule_AsRoleAndUnit()
    {
        var session = DesignerTestData.Session("case-intake");
        session.SetInput("approve-registration", "secondApprover", "AssigneeRule", "Literal", "role:Leader@district");
        var cut = RenderInput(session, "approve-registration", "Bishan.Approval", "secondApprover");

        Assert.Equal("role", Select(cut, "assignee-kind-secondApprover").Instance.GetState(x => x.Value));
        Assert.Equal("Leader", Select(cut, "assignee-role-secondApprover").Instance.GetState(x => x.Value));
        Assert.Equal("district", Select(cut, "assignee-unit-secondApprover").Instance.GetState(x => x.Value));
        Assert.Contains("区委教育工作领导小组", Shown(cut, "assignee-unit-secondApprover"));
    }

    [Fact]
    public async Task AssigneePicker_UserAndNobody_WriteTheirRules()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = RenderInput(session, "approve-registration", "Bishan.Approval", "secondApprover");

        await Choose(cut, "assignee-kind-secondApprover", "user");
        await InputAsync(cut, "[data-testid=assignee-user-secondApprover] input, input[data-testid=assignee-user-secondApprover]", "zhangsan");
        cut.WaitForAssertion(() => Assert.Equal("user:zhangsan", Literal(session, "approve-registration", "secondApprover")), TimeSpan.FromSeconds(10));

        await Choose(cut, "assignee-kind-secondApprover", "");
        Assert.Null(session.Activity("approve-registration")!["secondApprover"]?["expression"]?["value"]);
    }

    [Theory]
    [InlineData("case.casewroker", "无法识别这条规则")]
    [InlineData("role:Secretary", "角色规则应写作 role:角色@组织编号")]
    [InlineData("role:@task-force", "角色规则应写作 role:角色@组织编号")]
    public void AssigneePicker_AnUnreadableRule_IsShownAsWrittenWithWhatIsWrong(string rule, string message)
    {
        var session = DesignerTestData.Session("case-intake");
        session.SetInput("screening", "assignee", "AssigneeRule", "Literal", rule);
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "assignee");

        Assert.Equal("other", Select(cut, "assignee-kind-assignee").Instance.GetState(x => x.Value));
        Assert.Equal(rule, cut.Find("[data-testid=assignee-other-assignee]").TextContent.Trim());
        Assert.Contains(message, cut.Find("[data-testid=input-assignee]").TextContent);
    }

    [Theory]
    [InlineData("role:Boss@task-force", "没有“Boss”这个角色")]
    [InlineData("role:Secretary@no-such-unit", "没有编号为“no-such-unit”的组织")]
    public async Task AssigneePicker_AnUnknownRoleOrUnit_IsMarked_UntilOneIsChosenFromTheList(string rule, string message)
    {
        var session = DesignerTestData.Session("case-intake");
        session.SetInput("screening", "assignee", "AssigneeRule", "Literal", rule);
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "assignee");

        Assert.Equal("role", Select(cut, "assignee-kind-assignee").Instance.GetState(x => x.Value));
        Assert.Contains(message, cut.Find("[data-testid=input-assignee]").TextContent);

        // Choosing the other half from its list keeps the unknown one, so nothing is written yet.
        if (rule.Contains("Boss", StringComparison.Ordinal)) await Choose(cut, "assignee-unit-assignee", "district");
        else await Choose(cut, "assignee-role-assignee", "Leader");
        Assert.Contains(message, cut.Find("[data-testid=input-assignee]").TextContent);
        Assert.Equal(rule, Literal(session, "screening", "assignee"));

        await Choose(cut, "assignee-role-assignee", "Secretary");
        await Choose(cut, "assignee-unit-assignee", "task-force");
        Assert.Equal("role:Secretary@task-force", Literal(session, "screening", "assignee"));
        Assert.DoesNotContain(message, cut.Find("[data-testid=input-assignee]").TextContent);
    }

    [Fact]
    public async Task AssigneePicker_AUserNameIsCheckedAsYouType_AndAMalformedOneIsNotWritten()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "assignee");
        await Choose(cut, "assignee-kind-assignee", "user");

        await TypeUserAsync(cut, "zhang san");
        cut.WaitForAssertion(() => Assert.Contains("用户名中不能有空格", cut.Find("[data-testid=input-assignee]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("case.caseworker", Literal(session, "screening", "assignee"));

        await TypeUserAsync(cut, "张三");
        cut.WaitForAssertion(() => Assert.Contains("用户名中不能有“张”", cut.Find("[data-testid=input-assignee]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("case.caseworker", Literal(session, "screening", "assignee"));

        // Switching away and back to a user does not write the malformed name either.
        await Choose(cut, "assignee-kind-assignee", "role");
        await Choose(cut, "assignee-kind-assignee", "user");
        Assert.Contains("用户名中不能有“张”", cut.Find("[data-testid=input-assignee]").TextContent);
        Assert.Equal("case.caseworker", Literal(session, "screening", "assignee"));

        await TypeUserAsync(cut, "");
        cut.WaitForAssertion(() => Assert.Contains("请填写用户名", cut.Find("[data-testid=input-assignee]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("case.caseworker", Literal(session, "screening", "assignee"));

        await TypeUserAsync(cut, "zhang.san@school");
        cut.WaitForAssertion(() => Assert.Equal("user:zhang.san@school", Literal(session, "screening", "assignee")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("用户名中不能有", cut.Find("[data-testid=input-assignee]").TextContent);
    }

    [Theory]
    [InlineData("", AssigneeRuleProblem.None, null)]
    [InlineData("case.coordinator.up", AssigneeRuleProblem.None, null)]
    [InlineData("role:secretary@task-force", AssigneeRuleProblem.None, null)]
    [InlineData("user:admin", AssigneeRuleProblem.None, null)]
    [InlineData("case.tutor", AssigneeRuleProblem.Unknown, null)]
    [InlineData("role:Leader", AssigneeRuleProblem.RoleIncomplete, null)]
    [InlineData("role:Leader@", AssigneeRuleProblem.RoleIncomplete, null)]
    [InlineData("role:Chief@district", AssigneeRuleProblem.UnknownRole, "Chief")]
    [InlineData("role:Leader@mars", AssigneeRuleProblem.UnknownUnit, "mars")]
    [InlineData("user:", AssigneeRuleProblem.UserMissing, null)]
    [InlineData("user:li si", AssigneeRuleProblem.UserSpace, null)]
    [InlineData("user:li#si", AssigneeRuleProblem.UserCharacter, "#")]
    public void AssigneeRuleCheck_FollowsTheRuleGrammar(string rule, AssigneeRuleProblem problem, string? part)
    {
        var allowed = new Microsoft.AspNetCore.Identity.UserOptions().AllowedUserNameCharacters;
        Assert.Equal((problem, part), AssigneeRules.Check(rule, OrgUnitSeed.Tree, allowed));
    }

    [Fact]
    public async Task FormEditor_ShowsTheScreeningForm_AndAnEditRoundTripsItUnchanged()
    {
        var session = DesignerTestData.Session("case-intake");
        var before = FormOf(session, "screening").DeepClone();
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "form");

        Assert.Equal(4, cut.FindAll("[data-testid=form-field]").Count);
        Assert.Equal("Select", Select<FormFieldType>(cut, "form-field-type-0").Instance.GetState(x => x.Value).ToString());

        // Moving the first field down and back up writes the form twice; it ends as it started.
        await cut.Find("[data-testid=form-field-down-0]").ClickAsync(new MouseEventArgs());
        Assert.Equal("proposedTier", FormOf(session, "screening")[0]!["name"]!.GetValue<string>());
        await cut.Find("[data-testid=form-field-up-1]").ClickAsync(new MouseEventArgs());

        var after = FormOf(session, "screening");
        Assert.True(JsonNode.DeepEquals(before, after), after.ToJsonString());
        Assert.Equal(FormField.ParseList(before), FormField.ParseList(after), FormFieldComparer.Instance);
    }

    [Fact]
    public async Task FormEditor_AddingASelectFieldWithOptions_WritesTheRuntimesJson()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "form");

        await cut.Find("[data-testid=form-field-add]").ClickAsync(new MouseEventArgs());
        Assert.Equal(5, cut.FindAll("[data-testid=form-field]").Count);
        await TextField(cut, "form-field-name-4").ChangeAsync(new ChangeEventArgs { Value = "visitResult" });
        await TextField(cut, "form-field-label-4").ChangeAsync(new ChangeEventArgs { Value = "家访结果" });
        await Choose(cut, "form-field-type-4", FormFieldType.Select);
        var required = cut.FindComponents<MudCheckBox<bool>>().Single(c => TestId(c.Instance.UserAttributes) == "form-field-required-4");
        await cut.InvokeAsync(() => required.Instance.ValueChanged.InvokeAsync(true));
        await TextField(cut, "form-field-options-4").ChangeAsync(new ChangeEventArgs { Value = "已见到学生\n未见到学生\n需再访" });

        var added = FormOf(session, "screening")[4]!;
        Assert.Equal(
            """{"name":"visitResult","label":"家访结果","type":"Select","required":true,"options":["已见到学生","未见到学生","需再访"]}""",
            added.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var parsed = FormField.ParseList(FormOf(session, "screening"))[4];
        Assert.Equal(FormFieldType.Select, parsed.Type);
        Assert.Equal(["已见到学生", "未见到学生", "需再访"], parsed.Options!);
        Assert.Equal("Object", session.Activity("screening")!["form"]!["expression"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormEditor_OptionsContainingCommas_AreShownOnePerLine_AndKeptWholeThroughEdits()
    {
        var session = DesignerTestData.Session("case-intake");
        var form = new JsonArray(
            new FormField("result", "结果", FormFieldType.Select, true, ["符合，直接入库", "不符合, 退回", " 待定 "]).ToJson(),
            new FormField("note", "说明", FormFieldType.TextArea).ToJson());
        session.SetInputJson("screening", "form", "FormFields", "Object", form);
        var before = FormOf(session, "screening").DeepClone();
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "form");

        // Each stored option on its own line, commas and all.
        Assert.Equal("符合，直接入库\n不符合, 退回\n 待定 ", OptionsBox(cut, 0).Instance.GetState(x => x.Value));

        // Editing another column writes the options exactly as they were.
        await TextField(cut, "form-field-label-0").ChangeAsync(new ChangeEventArgs { Value = "初筛结果" });
        Assert.Equal("初筛结果", FormOf(session, "screening")[0]!["label"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before[0]!["options"], FormOf(session, "screening")[0]!["options"]));

        // Typed options: one per line; commas of either width stay inside their option; blank lines are dropped.
        await TextField(cut, "form-field-options-0").ChangeAsync(new ChangeEventArgs { Value = "已见到学生，情况良好\r\n未见到学生, 需再访\n\n  \n家长拒绝\n" });
        Assert.Equal(["已见到学生，情况良好", "未见到学生, 需再访", "家长拒绝"], FormField.ParseList(FormOf(session, "screening"))[0].Options!);
        Assert.Equal("已见到学生，情况良好\n未见到学生, 需再访\n家长拒绝", OptionsBox(cut, 0).Instance.GetState(x => x.Value));

        // Emptying the box removes the options.
        await TextField(cut, "form-field-options-0").ChangeAsync(new ChangeEventArgs { Value = "\n" });
        Assert.Null(FormOf(session, "screening")[0]!["options"]);
    }

    [Fact]
    public void FormEditor_OptionsHeader_SaysOnePerLine()
    {
        var session = DesignerTestData.Session("case-intake");
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "form");

        Assert.Contains("选项（每行一个）", cut.Find("[data-testid=form-editor-form] thead").TextContent);
        Assert.Equal("每行填写一个选项", TextField(cut, "form-field-options-0").GetAttribute("placeholder"));
        Assert.Equal("textarea", TextField(cut, "form-field-options-0").LocalName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("screeningReason")]
    public async Task FormEditor_EmptyOrDuplicateName_ShowsAnError_AndIsNotWritten(string name)
    {
        var session = DesignerTestData.Session("case-intake");
        var before = FormOf(session, "screening").DeepClone();
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "form");

        await TextField(cut, "form-field-name-0").ChangeAsync(new ChangeEventArgs { Value = name });

        Assert.NotEmpty(cut.Find("[data-testid=form-error]").TextContent);
        Assert.True(JsonNode.DeepEquals(before, FormOf(session, "screening")));
        Assert.False(session.IsDirty);

        // Fixing the name writes again.
        await TextField(cut, "form-field-name-0").ChangeAsync(new ChangeEventArgs { Value = "proposedAction2" });
        Assert.Empty(cut.FindAll("[data-testid=form-error]"));
        Assert.Equal("proposedAction2", FormOf(session, "screening")[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task FormEditor_KeepsPropertiesTheTableDoesNotShow()
    {
        var session = DesignerTestData.Session("case-intake");
        var form = new JsonArray(
            new FormField("criteria", "出库条件", FormFieldType.Checklist, true, null, null, "exitCriteria").ToJson(),
            new FormField("note", "说明", FormFieldType.TextArea, false, null, 500).ToJson());
        session.SetInputJson("screening", "form", "FormFields", "Object", form);
        var cut = RenderInput(session, "screening", "Bishan.UserTask", "form");

        await cut.Find("[data-testid=form-field-down-0]").ClickAsync(new MouseEventArgs());

        var written = FormOf(session, "screening");
        Assert.Equal(500, written[0]!["maxLength"]!.GetValue<int>());
        Assert.Equal("exitCriteria", written[1]!["optionsSource"]!.GetValue<string>());
        Assert.Null(written[1]!["options"]);
    }

    private IRenderedComponent<InputEditor> RenderInput(DesignerSession session, string activityId, string type, string input) =>
        Render<InputEditor>(p => p
            .Add(x => x.Session, session).Add(x => x.ActivityId, activityId)
            .Add(x => x.Input, DesignerTestData.Registry.Find(type)!.Inputs.Single(i => i.Name == input)));

    /// <summary>The text a dropdown shows for its value (MudBlazor renders it as the combobox input's value).</summary>
    private static string Shown(IRenderedComponent<InputEditor> cut, string testId) => cut.Find($"[data-testid={testId}]").GetAttribute("value") ?? "";

    private static string? TestId(Dictionary<string, object?>? attributes) =>
        attributes is not null && attributes.TryGetValue("data-testid", out var id) ? id?.ToString() : null;

    private static IRenderedComponent<MudSelect<T>> Select<T>(IRenderedComponent<InputEditor> cut, string testId) =>
        cut.FindComponents<MudSelect<T>>().Single(s => TestId(s.Instance.UserAttributes) == testId);

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<InputEditor> cut, string testId) => Select<string>(cut, testId);

    /// <summary>Picks a value as clicking its item does (the popover's items are not rendered in bUnit).</summary>
    private static Task Choose<T>(IRenderedComponent<InputEditor> cut, string testId, T value)
    {
        var select = Select<T>(cut, testId);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static AngleSharp.Dom.IElement TextField(IRenderedComponent<InputEditor> cut, string testId) =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input, textarea[data-testid={testId}], [data-testid={testId}] textarea");

    /// <summary>Types into the user name box on the renderer's thread and waits for the handler (the write is debounced).</summary>
    private static Task TypeUserAsync(IRenderedComponent<InputEditor> cut, string text) =>
        cut.InvokeAsync(() => cut.Find("[data-testid=assignee-user-assignee] input, input[data-testid=assignee-user-assignee]")
            .InputAsync(new ChangeEventArgs { Value = text }));

    private static IRenderedComponent<MudTextField<string>> OptionsBox(IRenderedComponent<InputEditor> cut, int row) =>
        cut.FindComponents<MudTextField<string>>().Single(c => TestId(c.Instance.UserAttributes) == $"form-field-options-{row}");

    private static string? Literal(DesignerSession session, string activityId, string input) =>
        session.Activity(activityId)![input]!["expression"]!["value"]?.GetValue<string>();

    private static JsonArray FormOf(DesignerSession session, string activityId) =>
        InputValue.From((JsonObject)session.Activity(activityId)!["form"]!).Value!.AsArray();

    private sealed class FormFieldComparer : IEqualityComparer<FormField>
    {
        public static readonly FormFieldComparer Instance = new();

        public bool Equals(FormField? x, FormField? y) =>
            x is not null && y is not null && x with { Options = null, RequiredFor = null } == y with { Options = null, RequiredFor = null }
            && (x.Options ?? []).SequenceEqual(y.Options ?? []) && (x.RequiredFor ?? []).SequenceEqual(y.RequiredFor ?? []);

        public int GetHashCode(FormField obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
