using Bishan.Workflow.Cases.DemoData;

namespace Bishan.Workflow.Cases.Tests.DemoData;

public sealed class ApportionmentFacts
{
    [Fact]
    public void Split_AddsUpExactly_WhenSharesAreFractional() =>
        Assert.Equal([23, 2, 16, 32, 138], Apportionment.Split(211, [52, 4, 36, 73, 311]));

    [Fact]
    public void Split_GivesTiesToTheEarlierWeight_WhenRemaindersAreEqual() =>
        Assert.Equal([2, 1], Apportionment.Split(3, [1, 1]));

    [Fact]
    public void Split_GivesNothingToZeroWeights_WhenOthersArePositive() =>
        Assert.Equal([0, 2, 2], Apportionment.Split(4, [0, 50, 50]));

    [Fact]
    public void Split_Throws_WhenWeightsSumToZero() =>
        Assert.Throws<ArgumentException>(() => Apportionment.Split(4, [0, 0]));
}
