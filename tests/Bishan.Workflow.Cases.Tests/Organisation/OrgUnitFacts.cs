using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Organisation;

public sealed class OrgUnitFacts
{
    [Fact]
    public void Equals_ComparesActionsByValue_WhenListsAreDistinctInstances()
    {
        var seeded = OrgUnitSeed.Tree.Get(OrgUnitIds.EducationCommission);
        var loaded = seeded with { Actions = [.. seeded.Actions] };

        Assert.Equal(seeded, loaded);
        Assert.Equal(seeded.GetHashCode(), loaded.GetHashCode());
        Assert.NotEqual(seeded, seeded with { Actions = [FiveAction.MentalHealth] });
    }
}
