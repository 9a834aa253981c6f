using Bishan.Workflow.Cases.Tests.Support;

namespace Bishan.Workflow.Cases.Tests.Activities;

/// <summary>The designer reads names, descriptions and input labels in Chinese and English from ActivityStrings.</summary>
public sealed class ActivityDescriptorFacts
{
    private static IEnumerable<string> Types =>
        CaseHarness.Registry.Descriptors.Where(d => d.Type.StartsWith("Bishan.", StringComparison.Ordinal)).Select(d => d.Type);

    public static TheoryData<string> BishanTypes => new(Types);

    [Fact]
    public void Registry_KnowsEveryDomainActivity()
    {
        string[] expected =
        [
            "Bishan.UserTask", "Bishan.Approval", "Bishan.SetCaseStatus", "Bishan.RegisterCase", "Bishan.ChangeTier", "Bishan.ExitCase",
            "Bishan.ReenterCase", "Bishan.CloseCase", "Bishan.AddTimelineEntry", "Bishan.Notify", "Bishan.BuildMeetingAgenda",
            "Bishan.CreateDecisionTasks", "Bishan.GenerateSpecialReport", "Bishan.StartWorkflow", "Bishan.DecideSubsidy",
            "Bishan.AmendSubsidy", "Bishan.SignSpecialReport", "Bishan.ReturnSpecialReport", "Bishan.EscalateSupervision",
            "Bishan.FamilyEducationStep",
        ];

        Assert.Equal(expected.Order(), Types.Order());
    }

    [Theory]
    [MemberData(nameof(BishanTypes))]
    public void Descriptor_HasChineseAndEnglishTexts(string type)
    {
        var d = CaseHarness.Registry.Find(type)!;

        Assert.NotEqual(d.DisplayName.En, d.DisplayName.ZhCn);
        Assert.NotEqual(d.CategoryDisplayName.En, d.CategoryDisplayName.ZhCn);
        Assert.False(string.IsNullOrEmpty(d.Description.ZhCn));
        Assert.False(string.IsNullOrEmpty(d.Description.En));
        foreach (var input in d.Inputs)
        {
            Assert.False(string.IsNullOrEmpty(input.Description.ZhCn), $"{type}.{input.Name} has no zh-CN description.");
            Assert.NotEqual(input.DisplayName.En, input.DisplayName.ZhCn);
        }
    }
}
