using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;

namespace Bishan.Workflow.Cases.Tests.DemoData;

public sealed class DemoPoolFacts
{
    [Fact]
    public void Build_ReproducesTheSourcesFiguresByKind_AndAddsVolunteersAndOneGridWorkerPerTownOrStreet()
    {
        var pool = DemoPool.Build(OrgUnitSeed.Tree);
        var byKind = pool.GroupBy(h => h.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(19, byKind[HelperKind.Team]);
        Assert.Equal(167, byKind[HelperKind.FamilyEducationInstructor]);
        Assert.Equal(660, byKind[HelperKind.PartyMember]);
        Assert.Equal(461, byKind[HelperKind.RetiredCadre]);
        Assert.Equal(84, byKind[HelperKind.Public]);
        Assert.Equal(11, byKind[HelperKind.SocialWorker]);
        Assert.Equal(15, byKind[HelperKind.GridWorker]);
        Assert.True(byKind[HelperKind.Volunteer] > 0);
        var social = pool.Where(h => h.Kind == HelperKind.SocialWorker).GroupBy(h => h.OrgUnitId).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(3, social[OrgUnitIds.EducationCommission]);
        Assert.Equal(4, social[OrgUnitIds.CivilAffairsBureau]);
        Assert.Equal(4, social[OrgUnitIds.YouthLeague]);
        Assert.All(pool.Where(h => h.OrgUnitId is not null), h => Assert.True(OrgUnitSeed.Tree.Contains(h.OrgUnitId!)));
    }
}
