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
using Microsoft.EntityFrameworkCore;

namespace Bishan.Workflow.Cases.CaseFiles.AddHelpRecord;

/// <summary>
/// Records help delivered (帮扶记录: a visit, a talk, a class) outside the periodic help-record task, on a case that is
/// registered, being evaluated for exit or followed up.
/// </summary>
public sealed record AddHelpRecord(string CaseId, string? OccurredOn, string? Kind, string? Content, long? HelperId) : ICommand<HelpRecordCreated>;

public sealed record HelpRecordCreated(long Id, string CaseId);

public sealed class AddHelpRecordHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<AddHelpRecord, HelpRecordCreated>
{
    public const int MaxKindLength = 50;
    public const int MaxContentLength = 4000;

    public async ValueTask<HelpRecordCreated> Handle(AddHelpRecord command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadInScopeAsync(command.CaseId, CaseScope.For(user, tree), cancellationToken);
        Permissions.EnsureMayWrite(user);
        var errors = new InputErrors();
        var kind = errors.Text("kind", command.Kind, MaxKindLength, required: true);
        var content = errors.Text("content", command.Content, MaxContentLength, required: true);
        var today = DistrictCalendar.Today(time);
        var occurredOn = today;
        if (!string.IsNullOrWhiteSpace(command.OccurredOn)
            && (!DateOnly.TryParseExact(command.OccurredOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out occurredOn)
                || occurredOn > today))
            errors.Add("occurredOn", UseCaseStrings.Format("HelpRecord_DateInvalid"));
        // No help before the minor was born (0001-01-01 is a slip, not history).
        else if (occurredOn < @case.DateOfBirth)
            errors.Add("occurredOn", UseCaseStrings.Format("HelpRecord_DateBeforeBirth",
                @case.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (command.HelperId is { } helperId && !await db.Helpers.AnyAsync(h => h.Id == helperId, cancellationToken))
            errors.Add("helperId", UseCaseStrings.Format("HelpRecord_HelperUnknown", helperId));
        errors.ThrowIfAny();
        if (@case.Status is not (CaseStatus.Registered or CaseStatus.ExitEvaluation or CaseStatus.FollowUp))
            throw new ConflictException(UseCaseStrings.Format("Case_NotRegistered", @case.FileNumber, DomainLabels.For(@case.Status)));

        var now = time.GetUtcNow().UtcDateTime;
        // A date without a time: noon in Bishan, so the record sorts on the right day in every time zone's view.
        var occurredAt = TimeZoneInfo.ConvertTimeToUtc(occurredOn.ToDateTime(new TimeOnly(12, 0)), DistrictCalendar.TimeZone);
        var record = new HelpRecord
        {
            CaseId = @case.Id, OccurredAtUtc = occurredAt, Kind = kind!, Content = content!, HelperId = command.HelperId,
            RecordedByUserId = user.UserId, CreatedAtUtc = now,
        };
        db.HelpRecords.Add(record);
        db.TimelineEntries.Add(new TimelineEntry
        {
            CaseId = @case.Id, AtUtc = now, Kind = TimelineKind.HelpRecord, ActorUserId = user.UserId,
            Text = UseCaseStrings.Record("Timeline_HelpRecord", kind, content!.Length > 200 ? content[..200] + "…" : content),
        });
        AuditLog.Add(db, user, time, AuditActions.HelpRecordAdd, nameof(Case), @case.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new HelpRecordCreated(record.Id, @case.Id);
    }
}
