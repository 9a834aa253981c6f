using System.Globalization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.DemoData;

/// <summary>
/// Synthetic families for the demo files, consistent with the action: most 失管关爱 (Unsupervised) minors have both parents or
/// one parent working away and live with a grandparent; most other minors live with their parents. Derived from the case id,
/// so a reload gives the same families. Synthetic people only.
/// </summary>
public static class DemoFamilies
{
    private static readonly string[] FatherNames = ["建国", "志强", "国华", "明", "军", "海涛", "永红", "德兵"];
    private static readonly string[] MotherSurnames = ["李", "陈", "刘", "杨", "黄", "周", "吴", "徐"];
    private static readonly string[] MotherNames = ["秀英", "丽", "芳", "小琴", "玉兰", "春梅", "静", "燕"];
    private static readonly string[] ElderNames = ["德明", "长福", "正华", "世荣"];
    private static readonly (string City, string Employer)[] AwayJobs =
    [
        ("广东深圳", "深圳某电子厂"), ("广东东莞", "东莞某制衣厂"), ("浙江宁波", "宁波某模具厂"), ("福建厦门", "厦门某建筑公司"),
        ("江苏苏州", "苏州某电子公司"), ("四川成都", "成都某物流公司"),
    ];

    /// <summary>Adds a family to every case of <paramref name="cases"/> that has none yet.</summary>
    public static async Task AddAsync(ICasesDbContext db, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cases);
        var ids = cases.Select(c => c.Id).ToList();
        var have = (await db.CaseFamilies.AsNoTracking().Where(f => ids.Contains(f.CaseId)).Select(f => f.CaseId).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var @case in cases.Where(c => !have.Contains(c.Id)))
            Add(db, @case);
    }

    private static void Add(ICasesDbContext db, Case @case)
    {
        var seed = Seed(@case.Id);
        var at = @case.CreatedAtUtc;
        var situation = Situation(@case.PrimaryAction, seed % 10);
        var support = (seed / 10 % 10) switch
        {
            7 => HouseholdSupport.MinimumLiving,
            8 when @case.PrimaryAction == FiveAction.Unsupervised => HouseholdSupport.ExtremePoverty,
            8 => HouseholdSupport.Disability,
            _ => HouseholdSupport.None,
        };
        db.CaseFamilies.Add(new CaseFamily { CaseId = @case.Id, Situation = situation, Support = support, UpdatedAtUtc = at });

        var surname = @case.Name.Length > 0 ? @case.Name[..1] : "王";
        var job = AwayJobs[seed / 100 % AwayJobs.Length];
        var fatherAway = situation is GuardianshipSituation.BothParentsAway or GuardianshipSituation.OneParentAway
            or GuardianshipSituation.DeFactoUnsupervised or GuardianshipSituation.ParentsDivorced;
        var motherAway = situation is GuardianshipSituation.BothParentsAway or GuardianshipSituation.DeFactoUnsupervised;
        var withElder = situation is GuardianshipSituation.BothParentsAway or GuardianshipSituation.DeFactoUnsupervised
            or GuardianshipSituation.GuardianUnable;

        Member(db, @case, at, surname + FatherNames[seed / 7 % FatherNames.Length], FamilyRelationship.Father, true, Phone(seed, 1),
            fatherAway, job, livesWith: !fatherAway && !withElder);
        if (situation != GuardianshipSituation.ParentsDivorced || seed % 2 == 0)
            Member(db, @case, at, MotherSurnames[seed / 11 % MotherSurnames.Length] + MotherNames[seed / 13 % MotherNames.Length],
                FamilyRelationship.Mother, true, Phone(seed, 2), motherAway, AwayJobs[(seed / 100 + 1) % AwayJobs.Length],
                livesWith: !motherAway && !withElder);
        if (withElder)
            db.FamilyMembers.Add(new FamilyMember
            {
                CaseId = @case.Id, Name = surname + ElderNames[seed / 17 % ElderNames.Length], Relationship = FamilyRelationship.Grandparent,
                IsLegalGuardian = false, Phone = Phone(seed, 3), Residence = FamilyResidence.InBishan, LivesWithMinor = true,
                CreatedAtUtc = at, UpdatedAtUtc = at,
            });
    }

    /// <summary>A stable, non-negative number from the case id (FNV-1a), so a reload gives the same family.</summary>
    private static int Seed(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % 1_000_000_007u);
    }

    private static GuardianshipSituation Situation(FiveAction? action, int roll) => action == FiveAction.Unsupervised
        ? roll switch
        {
            <= 4 => GuardianshipSituation.BothParentsAway,
            <= 6 => GuardianshipSituation.OneParentAway,
            7 => GuardianshipSituation.DeFactoUnsupervised,
            8 => GuardianshipSituation.GuardianUnable,
            _ => GuardianshipSituation.ParentsDivorced,
        }
        : roll switch
        {
            <= 5 => GuardianshipSituation.ParentsAtHome,
            <= 7 => GuardianshipSituation.OneParentAway,
            8 => GuardianshipSituation.ParentsDivorced,
            _ => GuardianshipSituation.BothParentsAway,
        };

    private static void Member(ICasesDbContext db, Case @case, DateTime at, string name, FamilyRelationship relationship, bool guardian,
        string phone, bool away, (string City, string Employer) job, bool livesWith) =>
        db.FamilyMembers.Add(new FamilyMember
        {
            CaseId = @case.Id, Name = name, Relationship = relationship, IsLegalGuardian = guardian, Phone = phone,
            Residence = away ? FamilyResidence.OutsideChongqing : FamilyResidence.InBishan, City = away ? job.City : null,
            Employer = away ? job.Employer : null, LivesWithMinor = livesWith, CreatedAtUtc = at, UpdatedAtUtc = at,
        });

    /// <summary>A synthetic mobile number (158…), distinct per case and member.</summary>
    private static string Phone(int seed, int member) =>
        "158" + ((seed * 3L + member) % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
}
