using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.DemoData;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Cases.Tests.DemoData;

public sealed class DemoDataGeneratorFacts
{
    private static readonly DateOnly Today = new(2023, 10, 19);
    private static readonly DemoDataSet Data = Generate(Today);

    [Fact]
    public void Generate_Registers476Minors_WithTheSourceDefaults()
    {
        Assert.Equal(476, Data.Registrations.Count);
        Assert.Equal(476, Data.Minors.Count);
        Assert.Equal(Data.Minors.Select(m => m.Id), Data.Registrations.Select(r => r.MinorId));
    }

    [Fact]
    public void Generate_Exits211_WithTheSourceDefaults()
    {
        Assert.Equal(211, Data.Registrations.Count(r => r.ExitedOn is not null));
        Assert.Equal(211, Data.Registrations.Count(r => r.Status == CaseStatus.Exited));
        Assert.Equal(265, Data.Registrations.Count(r => r.Status == CaseStatus.Registered));
    }

    [Fact]
    public void Generate_MatchesTheSourceCountByPrimaryAction_Exactly()
    {
        var byAction = Data.Registrations.CountBy(r => r.PrimaryAction).ToDictionary();

        Assert.Equal(52, byAction[FiveAction.DropoutPrevention]);
        Assert.Equal(4, byAction[FiveAction.SpecialEducation]);
        Assert.Equal(36, byAction[FiveAction.CaseInvolved]);
        Assert.Equal(73, byAction[FiveAction.Unsupervised]);
        Assert.Equal(311, byAction[FiveAction.MentalHealth]);
    }

    [Fact]
    public void Generate_HasMoreLightThanSeriousThanSevere_WhenCountedByTier()
    {
        var byTier = Data.Registrations.CountBy(r => r.Tier).ToDictionary();

        Assert.True(byTier[Tier.Light] > byTier[Tier.Serious], $"{byTier[Tier.Light]} light vs {byTier[Tier.Serious]} serious");
        Assert.True(byTier[Tier.Serious] > byTier[Tier.Severe], $"{byTier[Tier.Serious]} serious vs {byTier[Tier.Severe]} severe");
        Assert.True(byTier[Tier.Severe] > 0);
    }

    [Fact]
    public void Generate_SpreadsEveryTierOverAllFourAreas_WithTheSourceDefaults()
    {
        foreach (var area in OrgUnitIds.Areas)
        {
            var inArea = Data.Registrations.Where(r => r.AreaId == area).ToList();
            Assert.True(inArea.Count >= 60, $"{area} has only {inArea.Count}");
            Assert.Equal(Enum.GetValues<Tier>(), inArea.Select(r => r.Tier).Distinct().Order());
        }
    }

    [Fact]
    public void Generate_KeepsRegistrationDatesWithinJanuaryToTheSnapshot_AndUsesEveryMonth()
    {
        Assert.All(Data.Registrations, r => Assert.InRange(r.RegisteredOn, new DateOnly(2023, 1, 1), new DateOnly(2023, 10, 19)));
        Assert.Equal(Enumerable.Range(1, 10), Data.Registrations.Select(r => r.RegisteredOn.Month).Distinct().Order());
    }

    [Fact]
    public void Generate_ExitsAtLeastThirtyDaysAfterRegistration_AndNotAfterTheSnapshot() =>
        Assert.All(Data.Registrations.Where(r => r.ExitedOn is not null), r =>
        {
            Assert.True(r.ExitedOn >= r.RegisteredOn.AddDays(30), $"{r.RegisteredOn} -> {r.ExitedOn}");
            Assert.True(r.ExitedOn <= SourceFigures.AsOf);
        });

    [Fact]
    public void Generate_MakesMinorsAgedSixToSeventeenToday_AndAtLeastSixAtRegistration()
    {
        var registrationOf = Data.Registrations.ToDictionary(r => r.MinorId);

        Assert.All(Data.Minors, m =>
        {
            Assert.InRange(AgeOn(m.DateOfBirth, Today), 6, 17);
            Assert.True(AgeOn(m.DateOfBirth, registrationOf[m.Id].RegisteredOn) >= 6);
        });
    }

    [Fact]
    public void Generate_GivesValidUniqueIdNumbersMatchingBirthAndGender_ForEveryMinor()
    {
        Assert.All(Data.Minors, m =>
        {
            Assert.True(IdNumber.TryParse(m.IdNumber.Value, m.DateOfBirth, m.Gender, out _, out var error), $"{m.IdNumber}: {error}");
            Assert.StartsWith(BishanAreaCodes.Default, m.IdNumber.Mask());
        });
        Assert.Equal(Data.Minors.Count, Data.Minors.Select(m => m.IdNumber.Value).Distinct().Count());
    }

    [Fact]
    public void Generate_GivesChineseNamesAndBothGenders_ForTheMinors()
    {
        Assert.All(Data.Minors, m => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", m.Name));
        Assert.InRange(Data.Minors.Count(m => m.Gender == Gender.Female), 150, 326);
        Assert.True(Data.Minors.Select(m => m.Name).Distinct().Count() > 400);
    }

    [Fact]
    public void Generate_PlacesMinorsInSchoolsOrCommunities_WithTheDerivedCoordinatingBody()
    {
        var resolver = new CoordinatingBodyResolver(OrgUnitSeed.Tree);
        var minors = Data.Minors.ToDictionary(m => m.Id);

        Assert.All(Data.Registrations, r =>
        {
            Assert.Contains(OrgUnitSeed.Tree.Get(r.OrgUnitId).Kind, new[] { OrgUnitKind.School, OrgUnitKind.Community });
            Assert.Equal(minors[r.MinorId].OrgUnitId, r.OrgUnitId);
            Assert.Equal(OrgUnitSeed.Tree.AreaOf(r.OrgUnitId), r.AreaId);
            Assert.Equal(resolver.Resolve(r.Tier, r.PrimaryAction, r.OrgUnitId), r.CoordinatingBody);
        });
    }

    [Fact]
    public void Generate_KeepsThePrimaryActionOutOfTheTags_AndTagsSome()
    {
        Assert.All(Data.Registrations, r => Assert.DoesNotContain(r.PrimaryAction, r.Tags));
        Assert.InRange(Data.Registrations.Count(r => r.Tags.Count > 0), 50, 200);
    }

    [Fact]
    public void Generate_ReturnsIdenticalData_WhenSeedAndTodayAreTheSame() =>
        Assert.Equal(Describe(Data), Describe(Generate(Today)));

    [Fact]
    public void Generate_ReturnsDifferentPeopleWithTheSameFigures_WhenSeedDiffers()
    {
        var other = Generate(Today, new DemoDataOptions { Seed = 7 });

        Assert.NotEqual(Describe(Data), Describe(other));
        Assert.Equal(211, other.Registrations.Count(r => r.ExitedOn is not null));
        Assert.Equal(311, other.Registrations.Count(r => r.PrimaryAction == FiveAction.MentalHealth));
    }

    [Fact]
    public void Generate_AgesMinorsAgainstToday_WhenTodayIsYearsAfterTheSnapshot()
    {
        var later = new DateOnly(2026, 3, 1);
        var data = Generate(later);

        Assert.All(data.Minors, m => Assert.InRange(AgeOn(m.DateOfBirth, later), 6, 17));
        Assert.All(data.Registrations, r => Assert.True(r.RegisteredOn <= SourceFigures.AsOf));
    }

    [Fact]
    public void Generate_CapsDatesAtToday_WhenTodayIsBeforeTheSnapshot()
    {
        var midYear = new DateOnly(2023, 6, 30);
        var data = Generate(midYear);

        Assert.All(data.Registrations, r => Assert.True((r.ExitedOn ?? r.RegisteredOn) <= midYear));
        Assert.Equal(476, data.Registrations.Count);
    }

    [Fact]
    public void Generate_Throws_WhenTodayIsBeforeThePeriod() =>
        Assert.Throws<InvalidOperationException>(() => Generate(new DateOnly(2022, 12, 1)));

    [Fact]
    public void Generate_Throws_WhenTheTreeHasNoSchoolsOrCommunities()
    {
        var districtOnly = new OrgTree(OrgUnitSeed.All.Where(u => u.Kind is not (OrgUnitKind.School or OrgUnitKind.Community)));
        var generator = new DemoDataGenerator(ClockAt(Today), districtOnly);

        Assert.Throws<InvalidOperationException>(generator.Generate);
    }

    private static DemoDataSet Generate(DateOnly today, DemoDataOptions? options = null) =>
        new DemoDataGenerator(ClockAt(today), OrgUnitSeed.Tree, options).Generate();

    // 09:00 in Bishan on that day.
    private static FakeTimeProvider ClockAt(DateOnly today) =>
        new(new DateTimeOffset(today.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));

    private static int AgeOn(DateOnly birth, DateOnly day) =>
        day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);

    private static List<string> Describe(DemoDataSet data) =>
    [
        .. data.Minors.Select(m => $"{m.Id} {m.Name} {m.Gender} {m.DateOfBirth:O} {m.IdNumber.Value} {m.OrgUnitId}"),
        .. data.Registrations.Select(r =>
            $"{r.Id} {r.MinorId} {r.PrimaryAction} [{string.Join(',', r.Tags)}] {r.Tier} {r.OrgUnitId} {r.CoordinatingBody} {r.RegisteredOn:O} {r.ExitedOn:O}"),
    ];
}
