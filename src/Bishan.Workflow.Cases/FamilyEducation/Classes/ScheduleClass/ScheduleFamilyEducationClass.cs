using System.Globalization;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Auditing;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Vocabulary;
using Mediator;

namespace Bishan.Workflow.Cases.FamilyEducation.Classes.ScheduleClass;

/// <summary>
/// A guidance worker schedules a parent class (家长课堂): the sub-centre that runs it (<c>subCentreId</c>; a sub-centre's own staff may
/// leave it out), the topic, the district date (<c>yyyy-MM-dd</c>, not before today) and start time (<c>HH:mm</c>), the place, and an
/// optional capacity. 400 at each field (a unit that is not a sub-centre is named); 403 unless a guidance worker of the centre or of
/// that sub-centre.
/// </summary>
public sealed record ScheduleFamilyEducationClass(string? SubCentreId, string? Topic, string? ClassDate, string? StartTime, string? Place, int? Capacity)
    : ICommand<FamilyEducationClassView>;

public sealed class ScheduleFamilyEducationClassHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<ScheduleFamilyEducationClass, FamilyEducationClassView>
{
    public const int MaxTopicLength = 200;
    public const int MaxPlaceLength = 200;
    public const int MaxCapacity = 500;

    public async ValueTask<FamilyEducationClassView> Handle(ScheduleFamilyEducationClass command, CancellationToken cancellationToken)
    {
        FamilyEducationClassAccess.EnsureGuidanceWorker(user, tree);
        var errors = new InputErrors();
        var subCentreId = string.IsNullOrWhiteSpace(command.SubCentreId) ? FamilyEducationAccess.SubCentreOf(user, tree) : command.SubCentreId.Trim();
        if (subCentreId is null) errors.Required("subCentreId");
        else if (tree.Find(subCentreId) is not { Kind: OrgUnitKind.FamilyEducationSubCentre, Retired: false })
        {
            errors.Add("subCentreId", InputErrors.Message("FamilyEducationClass_NotASubCentre", "subCentreId", subCentreId));
            subCentreId = null;
        }
        // The shared label of "topic" is a meeting's 议题; a class has a 课程主题, so its messages name that.
        var topic = string.IsNullOrWhiteSpace(command.Topic) ? null : command.Topic.Trim();
        if (topic is null) errors.Add("topic", UseCaseStrings.Format("FamilyEducationClass_TopicRequired"));
        else if (topic.Length > MaxTopicLength) errors.Add("topic", UseCaseStrings.Format("FamilyEducationClass_TopicTooLong", MaxTopicLength));
        var place = errors.Text("place", command.Place, MaxPlaceLength, required: true);
        var date = ParseDate(errors, command.ClassDate, DistrictCalendar.Today(time));
        var start = ParseTime(errors, command.StartTime);
        if (command.Capacity is { } capacity && capacity is < 1 or > MaxCapacity)
            errors.Add("capacity", InputErrors.Message("FamilyEducationClass_CapacityInvalid", "capacity", MaxCapacity));
        errors.ThrowIfAny();
        if (!FamilyEducationClassAccess.MayRun(user, tree, subCentreId!))
            throw new ForbiddenException(UseCaseStrings.Format("FamilyEducationClass_OtherSubCentre", FamilyEducationReferralView.UnitName(tree, subCentreId!)));

        var now = time.GetUtcNow().UtcDateTime;
        var @class = new FamilyEducationClass
        {
            Id = Guid.NewGuid().ToString("N"), SubCentreId = subCentreId!, Topic = topic!, ClassDate = date!.Value, StartTime = start!.Value,
            StartsAtUtc = FamilyEducationClassAccess.StartsAtUtc(date.Value, start.Value), Place = place!, Capacity = command.Capacity,
            Status = FamilyEducationClassStatus.Scheduled, CreatedByUserId = user.UserId ?? "", CreatedAtUtc = now,
        };
        db.FamilyEducationClasses.Add(@class);
        AuditLog.Add(db, user, time, AuditActions.FamilyEducationClassSchedule, nameof(FamilyEducationClass), @class.Id,
            $"{@class.SubCentreId} {FamilyEducationClassAccess.When(@class)} {@class.Topic}");
        await db.SaveChangesAsync(cancellationToken);
        return await FamilyEducationClassView.LoadAsync(db, tree, @class, true, now, cancellationToken);
    }

    /// <summary>A district date, <c>yyyy-MM-dd</c>, not before <paramref name="today"/>.</summary>
    internal static DateOnly? ParseDate(InputErrors errors, string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Required("classDate");
        else if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            errors.Add("classDate", InputErrors.Message("FamilyEducation_DateInvalid", "classDate"));
        else if (d < today)
            errors.Add("classDate", InputErrors.Message("FamilyEducationClass_DateInPast", "classDate", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        else return d;
        return null;
    }

    /// <summary>A district start time, <c>HH:mm</c>.</summary>
    internal static TimeOnly? ParseTime(InputErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Required("startTime");
        else if (!TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            errors.Add("startTime", InputErrors.Message("FamilyEducationClass_TimeInvalid", "startTime"));
        else return t;
        return null;
    }
}
