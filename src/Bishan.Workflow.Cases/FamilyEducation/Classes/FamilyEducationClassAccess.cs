using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes;

/// <summary>
/// Who sees and runs parent classes (家长课堂): guidance workers only. The centre's staff see and run every sub-centre's classes;
/// a sub-centre's staff those of their sub-centre. Everyone else sees a class only as a line on a referral they may see.
/// </summary>
public static class FamilyEducationClassAccess
{
    /// <summary>The classes the user may see, as a query: none for anyone but a guidance worker.</summary>
    public static IQueryable<FamilyEducationClass> Visible(ICasesDbContext db, ICurrentUser user, OrgTree tree)
    {
        var classes = db.FamilyEducationClasses.AsNoTracking();
        if (FamilyEducationAccess.IsCentreStaff(user)) return classes;
        var unit = FamilyEducationAccess.SubCentreOf(user, tree);
        return unit is null ? classes.Where(_ => false) : classes.Where(c => c.SubCentreId == unit);
    }

    /// <summary>Whether the user schedules and runs classes of <paramref name="subCentreId"/>: the centre's staff or that sub-centre's.</summary>
    public static bool MayRun(ICurrentUser user, OrgTree tree, string subCentreId) =>
        FamilyEducationAccess.IsCentreStaff(user) || string.Equals(FamilyEducationAccess.SubCentreOf(user, tree), subCentreId, StringComparison.Ordinal);

    /// <summary>403 unless the user is a guidance worker of the centre or of a sub-centre.</summary>
    public static void EnsureGuidanceWorker(ICurrentUser user, OrgTree tree)
    {
        if (!FamilyEducationAccess.IsCentreStaff(user) && FamilyEducationAccess.SubCentreOf(user, tree) is null)
            throw new ForbiddenException(UseCaseStrings.Format("FamilyEducationClass_Forbidden"));
    }

    /// <summary>The class, if the user may see it: 404 when there is none, 403 when it is another sub-centre's.</summary>
    public static async Task<FamilyEducationClass> LoadVisibleAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string id, CancellationToken ct)
    {
        EnsureGuidanceWorker(user, tree);
        var found = await db.FamilyEducationClasses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
                    ?? throw new NotFoundException(UseCaseStrings.Format("FamilyEducationClass_NotFound", id));
        if (!MayRun(user, tree, found.SubCentreId))
            throw new ForbiddenException(UseCaseStrings.Format("FamilyEducationClass_OtherSubCentre", FamilyEducationReferralView.UnitName(tree, found.SubCentreId)));
        return found;
    }

    /// <summary>The class tracked for a change, its row locked until the use case's transaction ends (capacity, attendance).</summary>
    public static async Task<FamilyEducationClass> LoadForChangeAsync(ICasesDbContext db, ICurrentUser user, OrgTree tree, string id, CancellationToken ct)
    {
        await LoadVisibleAsync(db, user, tree, id, ct);
        await db.LockRowAsync<FamilyEducationClass>(id, ct);
        return await db.FamilyEducationClasses.FirstAsync(c => c.Id == id, ct);
    }

    /// <summary>409 with the reason unless the class is still scheduled (a held or cancelled class takes no invitation).</summary>
    public static void EnsureScheduled(FamilyEducationClass @class)
    {
        if (@class.Status != FamilyEducationClassStatus.Scheduled)
            throw new ConflictException(UseCaseStrings.Format("FamilyEducationClass_NotScheduled", DomainLabels.For(@class.Status)));
    }

    /// <summary>The start of a class as a UTC instant, from its district date and time.</summary>
    public static DateTime StartsAtUtc(DateOnly date, TimeOnly start) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(start, DateTimeKind.Unspecified), DistrictCalendar.TimeZone);

    /// <summary>A class's date and time as people write it: 2026-12-09 19:00.</summary>
    public static string When(FamilyEducationClass @class) =>
        @class.ClassDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + @class.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
