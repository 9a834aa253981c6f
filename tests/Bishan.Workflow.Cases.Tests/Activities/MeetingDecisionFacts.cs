using System.Text.Json.Nodes;
using Bishan.Workflow.Cases.Effects;
using Bishan.Workflow.Cases.Tasks;

namespace Bishan.Workflow.Cases.Tests.Activities;

public sealed class MeetingDecisionFacts
{
    [Fact]
    public void ParseList_ReadsLines_WithHalfAndFullWidthColons()
    {
        var decisions = MeetingDecision.ParseList(JsonValue.Create("c-1：家访\r\n\n c-2: 复学 \n通报各片区"));

        Assert.Equal([new("c-1", "家访"), new("c-2", "复学"), new(null, "通报各片区")], decisions);
    }

    [Fact]
    public void ParseList_ReturnsEmpty_ForNothing()
    {
        Assert.Empty(MeetingDecision.ParseList(null));
        Assert.Empty(MeetingDecision.ParseList(JsonValue.Create("  ")));
    }

    [Fact]
    public void ParseList_ReadsLines_WhenTextOnlyLooksLikeJson()
    {
        Assert.Equal([new(null, "[待定] 下周再议")], MeetingDecision.ParseList(JsonValue.Create("[待定] 下周再议")));
    }

    [Fact]
    public void Validate_AcceptsTickedOptions_AndRejectsOthers_ForChecklist()
    {
        FormField[] fields = [new("criteria", "条件", FormFieldType.Checklist, Options: ["A", "B"])];

        Assert.Empty(FormValidator.Validate(fields, new JsonObject { ["criteria"] = new JsonArray("A") }));
        Assert.Contains("criteria", FormValidator.Validate(fields, new JsonObject { ["criteria"] = new JsonArray("C") }).Keys);
        Assert.Contains("criteria", FormValidator.Validate(fields, new JsonObject { ["criteria"] = "A" }).Keys);
    }
}
