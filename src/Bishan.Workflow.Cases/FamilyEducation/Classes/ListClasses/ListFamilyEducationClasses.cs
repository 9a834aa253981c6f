using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.ListClasses;

/// <summary>
/// The parent classes the guidance worker may see (the centre every one, a sub-centre its own): <c>when=upcoming</c> (default: from
/// today on, soonest first) or <c>past</c> (before today, latest first). Topic, time, place and counts only: no family is named.
/// 400 at <c>when</c>; 403 for anyone but a guidance worker.
/// </summary>
public sealed record ListFamilyEducationClasses(string? When = null) : IQuery<IReadOnlyList<FamilyEducationClassItem>>;

public sealed record FamilyEducationClassItem(string Id, string SubCentreId, string SubCentreName, string Topic, DateOnly ClassDate, string StartTime,
    string Place, int? Capacity, FamilyEducationClassStatus Status, string StatusLabel, int Invited, int Attended);

public sealed class ListFamilyEducationClassesHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : IQueryHandler<ListFamilyEducationClasses, IReadOnlyList<FamilyEducationClassItem>>
{
    public const string Upcoming = "upcoming";
    public const string Past = "past";
    private static readonly string[] Whens = [Upcoming, Past];

    public async ValueTask<IReadOnlyList<FamilyEducationClassItem>> Handle(ListFamilyEducationClasses query, CancellationToken cancellationToken)
    {
        FamilyEducationClassAccess.EnsureGuidanceWorker(user, tree);
        var when = string.IsNullOrWhiteSpace(query.When) ? Upcoming : query.When.Trim().ToLowerInvariant();
        if (!Whens.Contains(when, StringComparer.Ordinal))
            throw InvalidInputException.For("when", InputErrors.Message("Field_NotOneOf", "when", string.Join(", ", Whens)));
        var today = DistrictCalendar.Today(time);
        var classes = FamilyEducationClassAccess.Visible(db, user, tree);
        classes = when == Upcoming ? classes.Where(c => c.ClassDate >= today) : classes.Where(c => c.ClassDate < today);
        var rows = await classes.ToListAsync(cancellationToken);
        var ids = rows.Select(c => c.Id).ToList();
        var invitations = await db.FamilyEducationClassInvitations.AsNoTracking().Where(i => ids.Contains(i.ClassId))
            .Select(i => new { i.ClassId, i.Attended }).ToListAsync(cancellationToken);
        var invited = invitations.CountBy(i => i.ClassId).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        var attended = invitations.Where(i => i.Attended == true).CountBy(i => i.ClassId).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        var ordered = when == Upcoming ? rows.OrderBy(c => c.StartsAtUtc) : rows.OrderByDescending(c => c.StartsAtUtc);
        return [.. ordered.Select(c => new FamilyEducationClassItem(c.Id, c.SubCentreId, FamilyEducationReferralView.UnitName(tree, c.SubCentreId), c.Topic,
            c.ClassDate, c.StartTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.Place, c.Capacity, c.Status,
            DomainLabels.For(c.Status), invited.GetValueOrDefault(c.Id), attended.GetValueOrDefault(c.Id)))];
    }
}
