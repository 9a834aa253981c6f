using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Web.Components.Cases;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The task form rendered from its schema: every field type, the required check, the server's field errors.</summary>
public sealed class TaskFormFacts : UiTestContext
{
    private static readonly string[] Cities = ["重庆", "成都", "北京", "上海", "广州", "深圳", "杭州"];

    private static readonly IReadOnlyList<FormField> AllTypes =
    [
        new("title", "标题", FormFieldType.Text, Required: true, MaxLength: 20),
        new("notes", "说明", FormFieldType.TextArea, Required: true),
        new("amount", "金额", FormFieldType.Number),
        new("helpDate", "帮扶日期", FormFieldType.Date),
        new("proposedTier", "提议程度", FormFieldType.Select, Required: true, Options: ["Light", "Serious", "Severe"]),
        new("city", "城市", FormFieldType.Select, Options: Cities),
        new("consent", "家长同意", FormFieldType.Checkbox),
        new("criteria", "出库条件", FormFieldType.Checklist, Required: true, Options: ["按时到校", "家庭监护到位"]),
    ];

    [Fact]
    public void Render_ShowsEveryFieldTypeOfTheSchema_WithItsControl()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var form = Render<TaskForm>(p => p.Add(x => x.Model, new TaskFormModel(AllTypes)));

        Assert.Equal(AllTypes.Select(f => f.Name), form.FindAll("[data-field]").Select(e => e.GetAttribute("data-field")));
        Assert.NotNull(form.Find("[data-field=title] input[type=text]"));
        Assert.NotNull(form.Find("[data-field=notes] textarea"));
        Assert.NotNull(form.Find("[data-field=amount] input[type=number]"));
        Assert.NotNull(form.Find("[data-field=helpDate] input[type=date]"));
        // Few options: radio buttons (one tap), with the domain's labels instead of the enum names.
        Assert.Equal(3, form.FindAll("[data-field=proposedTier] input[type=radio]").Count);
        Assert.Contains("较重", form.Find("[data-field=proposedTier]").TextContent);
        // Many options: a drop-down.
        Assert.NotNull(form.Find("[data-field=city] .mud-select"));
        Assert.Single(form.FindAll("[data-field=consent] input[type=checkbox]"));
        Assert.Equal(2, form.FindAll("[data-field=criteria] input[type=checkbox]").Count);
        Assert.Contains("家庭监护到位", form.Find("[data-field=criteria]").TextContent);
    }

    [Fact]
    public void ValidateRequired_ShowsAMessageUnderEachMissingField_AndNoneUnderOptionalOnes()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var model = new TaskFormModel(AllTypes);
        model.SetText("title", "走访");
        var form = Render<TaskForm>(p => p.Add(x => x.Model, model));

        Assert.False(model.ValidateRequired(f => $"“{f.Label}”必填。"));
        form.Render();

        Assert.Equal(["criteria", "notes", "proposedTier"], model.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("“说明”必填。", form.Find("[data-field=notes]").TextContent);
        Assert.Contains("“提议程度”必填。", form.Find("[data-field=proposedTier]").TextContent);
        Assert.Contains("“出库条件”必填。", form.Find("[data-field=criteria]").TextContent);
        Assert.DoesNotContain("必填", form.Find("[data-field=title]").TextContent);
        Assert.DoesNotContain("必填", form.Find("[data-field=consent]").TextContent);
    }

    private static readonly IReadOnlyList<FormField> Screening =
    [
        new("proposedAction", "提议行动类别", FormFieldType.Select, Options: ["DropoutPrevention", "MentalHealth"], RequiredFor: ["Eligible"]),
        new("proposedTier", "提议程度", FormFieldType.Select, Options: ["Light", "Serious", "Severe"], RequiredFor: ["Eligible"]),
        new("screeningReason", "筛查意见", FormFieldType.TextArea, Required: true),
    ];

    [Fact]
    public void Render_MarksTheFieldsAnOutcomeRequires_WithThatOutcome()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var form = Render<TaskForm>(p => p.Add(x => x.Model, new TaskFormModel(Screening)));

        Assert.Equal("办理结果为“符合，提交入库审批”时必填", form.Find("[data-field=proposedAction] .required-when").TextContent.Trim());
        Assert.Contains("“符合，提交入库审批”", form.Find("[data-field=proposedTier] .required-when").TextContent);
        Assert.Empty(form.FindAll("[data-field=screeningReason] .required-when"));
    }

    [Fact]
    public void ValidateRequired_RefusesTheFieldsTheChosenOutcomeRequires_AndOnlyForThatOutcome()
    {
        var model = new TaskFormModel(Screening);
        model.SetText("screeningReason", "核实属实。");

        Assert.False(model.ValidateRequired(f => $"“{f.Label}”必填。", "Eligible"));
        Assert.Equal(["proposedAction", "proposedTier"], model.Errors.Keys.Order(StringComparer.Ordinal));

        Assert.True(model.ValidateRequired(f => $"“{f.Label}”必填。", "NotEligible"));
        Assert.Empty(model.Errors);
    }

    [Fact]
    public void ApplyServerErrors_ShowsFieldErrorsAtTheirFields_AndReturnsTheOthers()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var model = new TaskFormModel(AllTypes);
        var form = Render<TaskForm>(p => p.Add(x => x.Model, model));

        var other = model.ApplyServerErrors(new Dictionary<string, string[]>
        {
            ["amount"] = ["“金额”须为数字。"],
            ["outcome"] = ["结果无效。"],
        });
        form.Render();

        Assert.Contains("“金额”须为数字。", form.Find("[data-field=amount]").TextContent);
        Assert.Equal(["结果无效。"], other);
    }

    [Fact]
    public void SettingAValue_ClearsThatFieldsError()
    {
        var model = new TaskFormModel(AllTypes);
        model.ValidateRequired(_ => "必填");

        model.SetText("notes", "已核实");
        model.SetTicked("criteria", "按时到校", true);

        Assert.Null(model.ErrorOf("notes"));
        Assert.Null(model.ErrorOf("criteria"));
        Assert.NotNull(model.ErrorOf("proposedTier"));
    }

    [Fact]
    public void ToJson_LeavesBlanksOut_AndTypesNumbersFlagsAndChecklists()
    {
        var model = new TaskFormModel(AllTypes);
        model.SetText("title", "  走访  ");
        model.SetText("notes", " ");
        model.SetText("amount", "12.5");
        model.SetText("helpDate", "2026-11-20");
        model.SetText("proposedTier", "Serious");
        model.SetFlag("consent", true);
        model.SetTicked("criteria", "家庭监护到位", true);
        model.SetTicked("criteria", "按时到校", true);

        var data = model.ToJson();

        Assert.Equal("走访", data["title"]!.GetValue<string>());
        Assert.False(data.ContainsKey("notes"));
        Assert.Equal(12.5m, data["amount"]!.GetValue<decimal>());
        Assert.Equal("2026-11-20", data["helpDate"]!.GetValue<string>());
        Assert.Equal("Serious", data["proposedTier"]!.GetValue<string>());
        Assert.True(data["consent"]!.GetValue<bool>());
        // The schema's order, whatever order they were ticked in.
        Assert.Equal("""["按时到校","家庭监护到位"]""", data["criteria"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        Assert.Empty(FormValidator.Validate(AllTypes, WithNotes(data)));
    }

    [Fact]
    public void ToJson_SendsAnUnreadableNumberAsTyped_SoTheServerNamesTheProblem()
    {
        var model = new TaskFormModel(AllTypes);
        model.SetText("amount", "十二");

        var data = model.ToJson();

        Assert.Equal("十二", data["amount"]!.GetValue<string>());
        Assert.Contains("amount", FormValidator.Validate(AllTypes, data).Keys);
    }

    [Fact]
    public void For_ReadsTheFormJsonOfATask()
    {
        var form = JsonNode.Parse("""[{"name":"screeningReason","label":"筛查意见","type":"TextArea","required":true}]""");

        var model = TaskFormModel.For(form);

        var field = Assert.Single(model.Fields);
        Assert.Equal(FormFieldType.TextArea, field.Type);
        Assert.True(field.Required);
    }

    [Theory]
    [InlineData("MentalHealth", "心理健康关爱")]
    [InlineData("Severe", "严重")]
    [InlineData("家访", "家访")]
    [InlineData("1", "1")]
    public void OptionLabel_ShowsTheDomainsWords_ForItsVocabularies(string option, string expected) =>
        Assert.Equal(expected, TaskFormModel.OptionLabel(option));

    private static JsonObject WithNotes(JsonObject data)
    {
        data["notes"] = "已核实";
        return data;
    }
}
