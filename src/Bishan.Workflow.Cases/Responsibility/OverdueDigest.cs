using System.Globalization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Vocabulary;
using Bishan.Workflow.Cases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.Responsibility;

/// <summary>
/// The weekly overdue digest (Monday morning, Asia/Shanghai): each unit with overdue tasks tells its supervisors its figures, and
/// 区督查办 gets the district's list of late units. A notification (the inbox lists them) per person; running twice in one week
/// adds nothing, because the title carries the week's Monday.
/// </summary>
public sealed class OverdueDigest(ICasesDbContext db, OrgTree tree, TimeProvider time)
{
    private static readonly OrgUnitKind[] Units =
        [OrgUnitKind.TaskForce, OrgUnitKind.Department, OrgUnitKind.TownStreet, OrgUnitKind.Area, OrgUnitKind.School, OrgUnitKind.Community];

    /// <returns>The number of notifications written.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var data = await ResponsibilityData.LoadAsync(db, time, ct);
        var byUnit = data.CasesByUnit(tree);
        var monday = data.Today.AddDays(-(((int)data.Today.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = CaseTexts.Format("SupervisionDigestTitle", monday);
        if (await db.Notifications.AnyAsync(n => n.Title == title, ct)) return 0;
        var staff = await StaffDirectory.LoadAsync(db, ct);
        var lines = new List<string>();
        var written = 0;
        var overdueTotal = 0;
        foreach (var unit in tree.Units.Where(u => !u.Retired && Units.Contains(u.Kind)))
        {
            var figures = data.FiguresFor(unit.Id, byUnit.GetValueOrDefault(unit.Id) ?? []);
            if (figures.OverdueTasks == 0) continue;
            var line = CaseTexts.Format("SupervisionDigestUnit", unit.Name, figures.OverdueTasks, figures.CasesWithoutHelp, figures.PlansPastReview);
            lines.Add(line);
            if (unit.Kind is OrgUnitKind.School or OrgUnitKind.Community) overdueTotal += figures.OverdueTasks;
            foreach (var supervisor in staff.InRole(Roles.Supervisor, unit.Id))
                written += Add(supervisor.UserId, title, line, data.NowUtc);
        }
        if (lines.Count > 0)
        {
            var summary = CaseTexts.Format("SupervisionDigestOffice", lines.Count, overdueTotal, string.Join("\n", lines));
            foreach (var inspector in staff.InRole(Roles.Inspector, OrgUnitIds.SupervisionOffice))
                written += Add(inspector.UserId, title, summary, data.NowUtc);
        }
        await db.SaveChangesAsync(ct);
        return written;
    }

    private int Add(string userId, string title, string message, DateTime now)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId, Title = title, Message = message.Length > 4000 ? message[..4000] : message, CreatedAtUtc = now,
        });
        return 1;
    }
}
