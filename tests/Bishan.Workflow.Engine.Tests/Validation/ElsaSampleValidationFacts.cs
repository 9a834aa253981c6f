using Bishan.Workflow.Engine.Definitions;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Tests.Support;
using Bishan.Workflow.Engine.Validation;

namespace Bishan.Workflow.Engine.Tests.Validation;

/// <summary>The Elsa 3 test vectors must import without a false error; only the bad cron file is invalid.</summary>
public sealed class ElsaSampleValidationFacts
{
    private const string BadCron = "ImportAndPublish/bad-cron-expression.json";
    private static readonly WorkflowValidator Validator = new(ActivityRegistry.CreateDefault());

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ElsaSamples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RepoPaths.ElsaSamples, file).Replace('\\', '/');
            if (relative != "manifest.json" && relative != BadCron) data.Add(relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Validate_ReturnsNoError_ForElsaSample(string file)
    {
        var errors = Validator.Validate(Read(file));

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.ActivityId}: {e.Message}")));
    }

    [Fact]
    public void SampleFiles_AreFound_WhenRunFromTheBuildOutput()
    {
        // 46 vectors less the bad cron one: guards against the theory silently running on nothing.
        Assert.Equal(45, SampleFiles().Count);
    }

    [Fact]
    public void Validate_ReturnsOneCronError_ForBadCronExpressionSample()
    {
        var errors = Validator.Validate(Read(BadCron));

        var error = Assert.Single(errors);
        Assert.Equal("13658e4b3bfafaaf", error.ActivityId);
        Assert.Equal(
            "Error when parsing cron expression: The given cron expression has an invalid format. Seconds: Value must be a number between 0 and 59 (all inclusive).",
            error.Message);
    }

    private static WorkflowDefinition Read(string relative)
    {
        var result = WorkflowJsonReader.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.ElsaSamples, relative)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Definition!;
    }
}
