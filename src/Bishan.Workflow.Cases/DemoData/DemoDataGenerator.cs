using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.IdNumbers;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Bogus;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Generates synthetic minors and registrations that reproduce the source's register exactly: 476 registered,
/// 211 exited, 52 / 4 / 36 / 73 / 311 by primary action, spread over the areas and tiers. Reproducible: the same
/// seed, "today" and org tree give the same data, so demos and tests can rely on it.
/// </summary>
/// <remarks>
/// Exact figures come from apportioning (largest remainder), not from sampling; Bogus only decides who is who.
/// Bogus's date helpers read the system clock, so dates are drawn here from the seeded randomizer and the injected
/// <see cref="TimeProvider"/> instead.
/// </remarks>
public sealed class DemoDataGenerator
{
    // Light : Serious : Severe. Special education is correctional schooling, so it is never light;
    // case-involved minors skew heavier than the rest. Overall light > serious > severe, as the source implies.
    private static readonly Dictionary<FiveAction, int[]> TierWeights = new()
    {
        [FiveAction.DropoutPrevention] = [60, 30, 10],
        [FiveAction.SpecialEducation] = [0, 50, 50],
        [FiveAction.CaseInvolved] = [40, 40, 20],
        [FiveAction.Unsupervised] = [60, 30, 10],
        [FiveAction.MentalHealth] = [65, 27, 8],
    };

    // Bogus's zh_CN locale has no gendered given names and its list reads as boys' names; girls get their own list.
    private static readonly string[] GirlsGivenNames =
    [
        "欣怡", "梓涵", "诗涵", "雨桐", "紫涵", "思雨", "可馨", "佳怡", "雨欣", "子萱",
        "梦瑶", "语桐", "若曦", "欣妍", "静怡", "晓彤", "婉清", "芷若", "一诺", "雨萱",
        "思彤", "嘉怡", "悦", "婷", "雪", "佳琪", "梓萱", "心怡", "诗琪", "语嫣",
    ];

    private readonly TimeProvider _timeProvider;
    private readonly OrgTree _tree;
    private readonly CoordinatingBodyResolver _resolver;
    private readonly DemoDataOptions _options;

    /// <summary>Creates a generator over <paramref name="tree"/>'s schools and communities.</summary>
    /// <param name="timeProvider">Supplies "today", against which the minors are aged 6–17.</param>
    /// <param name="tree">The organisation; minors are placed in its schools and communities.</param>
    /// <param name="options">Seed and period; the defaults reproduce the source.</param>
    public DemoDataGenerator(TimeProvider timeProvider, OrgTree tree, DemoDataOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(tree);
        _timeProvider = timeProvider;
        _tree = tree;
        _resolver = new CoordinatingBodyResolver(tree);
        _options = options ?? new DemoDataOptions();
    }

    /// <summary>Generates the data set.</summary>
    /// <exception cref="InvalidOperationException">
    /// The tree has no schools or communities, "today" is before the demo period, or "today" is so late that minors
    /// aged 6–17 now could not have been of school age during the period.
    /// </exception>
    public DemoDataSet Generate()
    {
        var today = DistrictCalendar.Today(_timeProvider);
        var end = _options.SnapshotDate < today ? _options.SnapshotDate : today;
        if (end <= _options.RegisterFrom.AddDays(_options.MinimumDaysBeforeExit))
        {
            throw new InvalidOperationException($"Today ({today:yyyy-MM-dd}) leaves no room for registrations and exits after {_options.RegisterFrom:yyyy-MM-dd}.");
        }

        var units = _tree.Units.Where(u => u.Kind is OrgUnitKind.School or OrgUnitKind.Community).ToList();
        if (units.Count == 0)
        {
            throw new InvalidOperationException("The org tree has no schools or communities to place minors in.");
        }

        var faker = new Faker("zh_CN") { Random = new Randomizer(_options.Seed) };
        var slots = faker.Random.Shuffle(PlanSlots(faker)).ToList();
        var usedIdNumbers = new HashSet<string>(StringComparer.Ordinal);
        var minors = new List<DemoMinor>(slots.Count);
        var registrations = new List<DemoRegistration>(slots.Count);

        foreach (var slot in slots)
        {
            var latestRegistration = slot.Exits ? end.AddDays(-_options.MinimumDaysBeforeExit) : end;
            var minor = NewMinor(faker, today, latestRegistration, faker.PickRandom(units), usedIdNumbers);

            var earliestRegistration = Max(_options.RegisterFrom, minor.DateOfBirth.AddYears(6));
            var registeredOn = Between(faker, earliestRegistration, latestRegistration);
            DateOnly? exitedOn = slot.Exits ? Between(faker, registeredOn.AddDays(_options.MinimumDaysBeforeExit), end) : null;

            minors.Add(minor);
            registrations.Add(new DemoRegistration(
                faker.Random.Guid(),
                minor.Id,
                slot.Action,
                Tags(faker, slot.Action),
                slot.Tier,
                minor.OrgUnitId,
                _tree.AreaOf(minor.OrgUnitId)!,
                _resolver.Resolve(slot.Tier, slot.Action, minor.OrgUnitId),
                registeredOn,
                exitedOn));
        }

        return new DemoDataSet(minors, registrations);
    }

    private static List<Slot> PlanSlots(Faker faker)
    {
        var actions = Enum.GetValues<FiveAction>();
        var counts = actions.Select(a => SourceFigures.RegisteredByAction[a]).ToArray();
        var exits = Apportionment.Split(SourceFigures.ExitedTotal, counts);
        var slots = new List<Slot>(SourceFigures.RegisteredTotal);

        for (var i = 0; i < actions.Length; i++)
        {
            var tiers = Apportionment.Split(counts[i], TierWeights[actions[i]])
                .SelectMany((n, t) => Enumerable.Repeat((Tier)(t + 1), n))
                .ToList();
            var exiting = faker.Random.Shuffle(Enumerable.Range(0, counts[i])).Take(exits[i]).ToHashSet();
            slots.AddRange(tiers.Select((tier, k) => new Slot(actions[i], tier, exiting.Contains(k))));
        }

        return slots;
    }

    private static DemoMinor NewMinor(Faker faker, DateOnly today, DateOnly latestRegistration, OrgUnit unit, HashSet<string> usedIdNumbers)
    {
        // Aged 6-17 today, and already 6 by the latest possible registration date.
        var earliestBirth = today.AddYears(-18).AddDays(1);
        var latestBirth = Min(today.AddYears(-6), latestRegistration.AddYears(-6));
        if (latestBirth < earliestBirth)
        {
            throw new InvalidOperationException(
                $"Minors aged 6-17 on {today:yyyy-MM-dd} cannot have been registered at school age by {latestRegistration:yyyy-MM-dd}.");
        }

        var gender = faker.Random.Bool(0.55f) ? Gender.Male : Gender.Female;
        var dateOfBirth = Between(faker, earliestBirth, latestBirth);
        var givenName = gender == Gender.Male ? faker.Name.FirstName() : faker.PickRandom(GirlsGivenNames);
        var idNumber = UniqueIdNumber(faker, dateOfBirth, gender, usedIdNumbers);
        return new DemoMinor(faker.Random.Guid(), faker.Name.LastName() + givenName, gender, dateOfBirth, idNumber, unit.Id);
    }

    private static IdNumber UniqueIdNumber(Faker faker, DateOnly dateOfBirth, Gender gender, HashSet<string> used)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = IdNumberGenerator.Generate(dateOfBirth, gender, faker.Random.Int(0, 499));
            if (used.Add(candidate.Value))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Could not find an unused ID number for {dateOfBirth:yyyy-MM-dd}.");
    }

    private static List<FiveAction> Tags(Faker faker, FiveAction primary)
    {
        // About a quarter of minors have an overlapping problem, a few have two: the source's reason for the programme.
        var draw = faker.Random.Double();
        var count = draw < 0.05 ? 2 : draw < 0.25 ? 1 : 0;
        var others = Enum.GetValues<FiveAction>().Where(a => a != primary);
        return [.. faker.Random.Shuffle(others).Take(count).Order()];
    }

    private static DateOnly Between(Faker faker, DateOnly from, DateOnly to) =>
        from.AddDays(faker.Random.Int(0, to.DayNumber - from.DayNumber));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private readonly record struct Slot(FiveAction Action, Tier Tier, bool Exits);
}
