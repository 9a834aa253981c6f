using System.Globalization;
using System.Text.Json.Nodes;
using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Engine.Tests.Support;

namespace Bishan.Workflow.Engine.Tests.Validation;

/// <summary>Issue 13: definitions that were accepted but wrong (activities as an object, negative or endless delays, huge ids).</summary>
public sealed class DefinitionShapeFacts
{
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.CreateDefault(), limits: new DefinitionLimits { MaxActivities = 20 });

    private static IReadOnlyList<ValidationError> Validate(string json)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var parsed = WorkflowJsonReader.Parse(json);
            return parsed.Succeeded ? Validator.Validate(parsed.Definition!) : parsed.Errors;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string Flow(params JsonObject[] activities) => WorkflowJson.Flowchart(activities);

    [Fact]
    public void ActivitiesAsAnObject_IsRefused_AtTheField()
    {
        var root = A.Flowchart(WorkflowJson.RootId, [A.Start()]);
        root["activities"] = new JsonObject();

        var error = Assert.Single(Validate(WorkflowJson.Document(root)));

        Assert.Equal("activities", error.Field);
        Assert.Equal("'activities' must be an array ([...]).", error.Message);
    }

    [Fact]
    public void VariablesAsAnObject_IsRefused()
    {
        var doc = JsonNode.Parse(Flow(A.Start()))!.AsObject();
        doc["variables"] = new JsonObject();

        Assert.Contains(Validate(doc.ToJsonString()), e => e.Field == "variables");
    }

    [Theory]
    [InlineData("-00:00:05", "negative")]
    [InlineData("10675199.02:48:05.4775807", "longer than the allowed 3650.00:00:00")]
    [InlineData("P20000D", "longer than the allowed")]
    public void DelayOutOfRange_IsRefused(string timeSpan, string expected)
    {
        var error = Assert.Single(Validate(Flow(A.Delay("wait", timeSpan))));

        Assert.Equal("timeSpan", error.Field);
        Assert.Equal("wait", error.ActivityId);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TimerOfMoreThanTheMaximum_IsRefused()
    {
        Assert.Contains(Validate(Flow(A.Timer("tick", "3651.00:00:00"))), e => e.Field == "interval");
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("P180D")]
    [InlineData("3650.00:00:00")]
    public void DelayWithinRange_IsAccepted(string timeSpan) =>
        Assert.Empty(Validate(Flow(A.Delay("wait", timeSpan))));

    [Fact]
    public void DefinitionIdOfAHundredThousandCharacters_IsRefused_WithoutRepeatingIt()
    {
        var doc = JsonNode.Parse(Flow(A.Start()))!.AsObject();
        doc["definitionId"] = new string('a', 100_000);

        var error = Assert.Single(Validate(doc.ToJsonString()));

        Assert.Equal("definitionId", error.Field);
        Assert.Contains("100000 characters, at most 100", error.Message);
        Assert.True(error.Message.Length < 200);
    }

    [Theory]
    [InlineData("definitionId", "case intake")]
    [InlineData("definitionId", "../etc/passwd")]
    [InlineData("definitionId", "<script>")]
    public void DefinitionIdOutsideTheSafeAlphabet_IsRefused(string field, string value)
    {
        var doc = JsonNode.Parse(Flow(A.Start()))!.AsObject();
        doc[field] = value;

        Assert.Equal(field, Assert.Single(Validate(doc.ToJsonString())).Field);
    }

    [Fact]
    public void SafeIdentifiers_AreAccepted() =>
        Assert.Empty(Validate(Flow(A.Start("Start-1_a.b"), A.WriteLine(new string('w', 100), "x"))));

    [Fact]
    public void ActivityIdTooLongOrUnsafe_IsRefused()
    {
        var errors = Validate(Flow(A.WriteLine(new string('w', 101), "x"), A.WriteLine("bad id", "y")));

        Assert.Equal(2, errors.Count(e => e.Field == "id"));
    }

    [Fact]
    public void VariableNameUnsafe_IsRefused()
    {
        Assert.Contains(Validate(WorkflowJson.Flowchart([A.Start()], variables: [new Var("na me", "String", "x")])), e => e.Field == "variables");
    }

    [Fact]
    public void MoreActivitiesThanTheLimit_IsRefused()
    {
        var error = Assert.Single(Validate(Flow([.. Enumerable.Range(1, 20).Select(i => A.WriteLine($"w{i}", "x"))])));

        Assert.Equal("activities", error.Field);
        Assert.Contains("21 activities, at most 20", error.Message);
    }

    [Fact]
    public void Messages_AreInChinese_ForAChineseReader()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var parsed = WorkflowJsonReader.Parse(Flow(A.Delay("wait", "-00:00:05")));
            var error = Assert.Single(Validator.Validate(parsed.Definition!));

            Assert.Equal("输入“timeSpan”：时长 -00:00:05 不能为负数。", error.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
