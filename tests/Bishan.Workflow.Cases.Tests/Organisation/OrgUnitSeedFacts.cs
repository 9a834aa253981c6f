using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.Tests.Organisation;

public sealed class OrgUnitSeedFacts
{
    private static readonly IReadOnlyList<OrgUnit> Seed = OrgUnitSeed.All;
    private static readonly string[] SubCentreSeats = ["璧城", "青杠", "丁家", "大路"];

    [Fact]
    public void All_HasUniqueIds_WhenSeeded() =>
        Assert.Equal(Seed.Count, Seed.Select(u => u.Id).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void All_NamesOnlyExistingParents_WhenSeeded()
    {
        var ids = Seed.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(Seed.Where(u => u.ParentId is not null), u => Assert.Contains(u.ParentId!, ids));
    }

    [Fact]
    public void All_HasSingleRootThatIsTheLeadingGroup_WhenSeeded()
    {
        var root = Assert.Single(Seed, u => u.ParentId is null);
        Assert.Equal(OrgUnitIds.District, root.Id);
        Assert.Equal(OrgUnitKind.District, root.Kind);
        Assert.Equal("区委教育工作领导小组", root.Name);
    }

    [Fact]
    public void All_ListsParentsBeforeChildren_WhenSeeded()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in Seed)
        {
            Assert.True(unit.ParentId is null || seen.Contains(unit.ParentId), $"{unit.Id} comes before its parent");
            seen.Add(unit.Id);
        }
    }

    [Fact]
    public void All_PutsEverySchoolAndCommunityUnderItsArea_WhenSeeded()
    {
        var members = Seed.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.Community).ToList();

        Assert.NotEmpty(members);
        Assert.All(members, u =>
        {
            Assert.NotNull(u.AreaId);
            Assert.Contains(u.AreaId, OrgUnitIds.Areas);
            // Directly under the area, or under a town/street (镇街) that lies in that area.
            var parent = OrgUnitSeed.Tree.Get(u.ParentId!);
            Assert.True(OrgUnitSeed.Tree.IsUnder(u.AreaId, u.Id) || (parent.Kind == OrgUnitKind.TownStreet && parent.AreaId == u.AreaId),
                $"{u.Id} is not under {u.AreaId}");
            Assert.Equal(u.AreaId, OrgUnitSeed.Tree.AreaOf(u.Id));
        });
    }

    [Fact]
    public void All_HasTheSixStreetsAndNineTownsOfBishan_EachWithCommunitiesOrVillages()
    {
        var towns = Seed.Where(u => u.Kind == OrgUnitKind.TownStreet).ToList();

        Assert.Equal(15, towns.Count);
        Assert.Equal(["璧城街道", "璧泉街道", "青杠街道", "来凤街道", "丁家街道", "大路街道"], towns.Where(t => t.Name.EndsWith("街道", StringComparison.Ordinal)).Select(t => t.Name));
        Assert.Equal(["七塘镇", "河边镇", "福禄镇", "大兴镇", "正兴镇", "广普镇", "三合镇", "八塘镇", "健龙镇"],
            towns.Where(t => t.Name.EndsWith('镇')).Select(t => t.Name));
        Assert.All(towns, t =>
        {
            Assert.Equal(OrgUnitIds.District, t.ParentId);
            Assert.Contains(t.AreaId, OrgUnitIds.Areas);
            Assert.Contains(OrgUnitSeed.Tree.ChildrenOf(t.Id), c => c.Kind == OrgUnitKind.Community);
        });
    }

    [Fact]
    public void All_HasTheSupervisionOfficeAndTheLeadingGroupOffice_UnderTheLeadingGroup()
    {
        Assert.Equal(OrgUnitKind.SupervisionOffice, OrgUnitSeed.Tree.Get(OrgUnitIds.SupervisionOffice).Kind);
        Assert.Equal("区督查办", OrgUnitSeed.Tree.Get(OrgUnitIds.SupervisionOffice).Name);
        Assert.Equal(OrgUnitIds.District, OrgUnitSeed.Tree.Get(OrgUnitIds.LeadingGroupOffice).ParentId);
    }

    [Fact]
    public void All_HasFourAreasEachWithSchoolsAndCommunities_WhenSeeded()
    {
        var areas = Seed.Where(u => u.Kind == OrgUnitKind.Area).ToList();

        Assert.Equal(OrgUnitIds.Areas, areas.Select(a => a.Id));
        Assert.Equal(["璧城片区教育管理中心", "青杠片区教育管理中心", "丁家片区教育管理中心", "大路片区教育管理中心"], areas.Select(a => a.Name));
        Assert.All(areas, area =>
        {
            var children = OrgUnitSeed.Tree.ChildrenOf(area.Id).ToList();
            Assert.InRange(children.Count(c => c.Kind == OrgUnitKind.School), 3, 4);
            Assert.InRange(children.Count(c => c.Kind == OrgUnitKind.Community), 2, 3);
        });
    }

    [Fact]
    public void All_HasTheSixDepartmentsFromTheSource_WhenSeeded() =>
        Assert.Equal(
            ["区教委", "区委政法委", "团区委", "区民政局", "区卫健委", "区公安局"],
            Seed.Where(u => u.Kind == OrgUnitKind.Department).Select(u => u.Name));

    [Fact]
    public void All_GivesEveryActionALeadingDepartment_WhenSeeded()
    {
        var led = Seed.Where(u => u.Kind == OrgUnitKind.Department).SelectMany(u => u.Actions).ToHashSet();
        Assert.Equal(Enum.GetValues<FiveAction>().ToHashSet(), led);
    }

    [Fact]
    public void All_SeatsTheFamilyEducationGuidanceCentreAtYuhuPrimary_WhenSeeded()
    {
        var host = OrgUnitSeed.Tree.Get(OrgUnitIds.FamilyEducationGuidanceCentreHost);
        Assert.Equal("御湖小学", host.Name);
        Assert.Equal(OrgUnitKind.School, host.Kind);
    }

    [Fact]
    public void All_GivesEveryUnitAnEnglishName_WhenSeeded() =>
        Assert.All(Seed, u => Assert.False(string.IsNullOrWhiteSpace(u.EnglishName), u.Id));

    [Fact]
    public void All_UsesOnlyKebabCaseAsciiIds_WhenSeeded() =>
        Assert.All(Seed, u => Assert.Matches("^[a-z]+(-[a-z]+)*$", u.Id));

    [Fact]
    public void FamilyEducationCentre_HasFourSubCentres_EachServingTheAreaOfItsName()
    {
        var centre = OrgUnitSeed.Tree.Get(OrgUnitIds.FamilyEducationCentre);
        Assert.Equal((OrgUnitKind.FamilyEducationCentre, OrgUnitIds.District), (centre.Kind, centre.ParentId));
        var subCentres = OrgUnitSeed.Tree.ChildrenOf(centre.Id).ToList();
        Assert.Equal(OrgUnitIds.FamilyEducationSubCentres, subCentres.Select(u => u.Id));
        Assert.All(subCentres, u => Assert.Equal(OrgUnitKind.FamilyEducationSubCentre, u.Kind));
        Assert.Equal(OrgUnitIds.Areas, subCentres.Select(u => u.AreaId!));
        Assert.Equal(SubCentreSeats, subCentres.Select(u => u.Name.Replace("家庭教育指导中心", "", StringComparison.Ordinal)[..2]));
        foreach (var area in OrgUnitIds.Areas)
            Assert.Equal(area, Bishan.Workflow.Cases.FamilyEducation.FamilyEducationAccess.SubCentreFor(OrgUnitSeed.Tree, area)!.AreaId);
        Assert.Null(Bishan.Workflow.Cases.FamilyEducation.FamilyEducationAccess.SubCentreFor(OrgUnitSeed.Tree, null));
    }
}
