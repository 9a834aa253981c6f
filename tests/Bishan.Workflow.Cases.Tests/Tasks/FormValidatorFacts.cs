using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Tasks;

namespace Bishan.Workflow.Cases.Tests.Tasks;

/// <summary>A task form's errors are worded in the reader's language: Chinese by default, English for an English reader.</summary>
public sealed class FormValidatorFacts
{
    private static readonly FormField[] Fields =
    [
        new("reason", "申请理由", FormFieldType.TextArea, Required: true),
        new("amount", "金额", FormFieldType.Number),
        new("visitDate", "走访日期", FormFieldType.Date),
        new("tier", "程度", FormFieldType.Select, Options: ["Light", "Serious"]),
        new("consent", "家长同意", FormFieldType.Checkbox),
        new("criteria", "出库条件", FormFieldType.Checklist, Options: ["按时到校"]),
        new("note", "备注", FormFieldType.Text, MaxLength: 5),
    ];

    private static readonly JsonObject Wrong = new()
    {
        ["amount"] = "十二",
        ["visitDate"] = "下周一",
        ["tier"] = "Mild",
        ["consent"] = "yes",
        ["criteria"] = new JsonArray("按时吃饭"),
        ["note"] = "六个字的备注",
        ["extra"] = "x",
    };

    private static IReadOnlyDictionary<string, string[]> ValidateIn(CultureInfo culture, JsonObject data)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return FormValidator.Validate(Fields, data);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Errors_AreChinese_ForAChineseReader()
    {
        var errors = ValidateIn(DomainCultures.Chinese, Wrong);

        Assert.Equal("“申请理由”必填。", Assert.Single(errors["reason"]));
        Assert.Equal("“金额”须为数字。", Assert.Single(errors["amount"]));
        Assert.Equal("“走访日期”须为日期（yyyy-MM-dd）。", Assert.Single(errors["visitDate"]));
        Assert.Equal("“程度”不是可选项之一。", Assert.Single(errors["tier"]));
        Assert.Equal("“家长同意”须为是或否。", Assert.Single(errors["consent"]));
        Assert.Equal("“出库条件”含有不是可选项的内容。", Assert.Single(errors["criteria"]));
        Assert.Equal("“备注”超过 5 字。", Assert.Single(errors["note"]));
        Assert.Equal("表单没有字段“extra”。", Assert.Single(errors["extra"]));
    }

    [Fact]
    public void Errors_AreEnglish_ForAnEnglishReader_WithTheWorkflowsLabels()
    {
        var errors = ValidateIn(DomainCultures.English, Wrong);

        Assert.Equal("“申请理由” is required.", Assert.Single(errors["reason"]));
        Assert.Equal("“金额” must be a number.", Assert.Single(errors["amount"]));
        Assert.Equal("“走访日期” must be a date (yyyy-MM-dd).", Assert.Single(errors["visitDate"]));
        Assert.Equal("“程度” is not one of the options.", Assert.Single(errors["tier"]));
        Assert.Equal("“家长同意” must be yes or no.", Assert.Single(errors["consent"]));
        Assert.Equal("“出库条件” contains something that is not one of the options.", Assert.Single(errors["criteria"]));
        Assert.Equal("“备注” is longer than 5 characters.", Assert.Single(errors["note"]));
        Assert.Equal("The form has no field “extra”.", Assert.Single(errors["extra"]));
        Assert.Equal("“出库条件” must be a list of the ticked options.",
            Assert.Single(ValidateIn(DomainCultures.English, new JsonObject { ["reason"] = "r", ["criteria"] = "按时到校" })["criteria"]));
    }

    [Fact]
    public void ValidData_HasNoErrors_InEitherLanguage()
    {
        var data = new JsonObject
        {
            ["reason"] = "家庭困难", ["amount"] = 12.5, ["visitDate"] = "2026-11-20", ["tier"] = "Light", ["consent"] = true,
            ["criteria"] = new JsonArray("按时到校"), ["note"] = "五个字备",
        };

        foreach (var culture in DomainCultures.All) Assert.Empty(ValidateIn(culture, data));
    }

    [Fact]
    public void Validate_RequiresAFieldOnlyForTheOutcomesThatNameIt_AndTheFormRoundTripsThem()
    {
        var fields = FormField.ParseList(JsonNode.Parse("""
            [{ "name": "proposedTier", "label": "提议程度", "type": "Select", "options": ["Light"], "requiredFor": ["Eligible"] }]
            """));

        Assert.Contains("proposedTier", FormValidator.Validate(fields, [], "Eligible").Keys);
        Assert.Empty(FormValidator.Validate(fields, [], "NotEligible"));
        Assert.Empty(FormValidator.Validate(fields, []));
        Assert.Equal(["Eligible"], FormField.ParseList(new JsonArray(fields[0].ToJson()))[0].RequiredFor!);
    }
}
