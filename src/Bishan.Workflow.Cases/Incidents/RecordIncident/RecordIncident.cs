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

namespace Bishan.Workflow.Cases.Incidents.RecordIncident;

/// <summary>
/// Records an incident (事件登记) for the outcome indicators: administrators for any reporting body, users of 区委政法委, 区公安局,
/// 区卫健委 or 区教委 for their own. Every field problem comes back at once (400): kind, a date from 2000-01-01 to today, an area,
/// a school of that area, a case the reporter may see (named by file number), the reporting body, a short description.
/// Audited (<c>incident.create</c>, on the case when one is named).
/// </summary>
public sealed record RecordIncident(string? Kind, string? OccurredOn, string? AreaId, string? SchoolId, bool? MinorInRegister,
    string? CaseFileNumber, string? ReportingBodyId, string? Description) : ICommand<IncidentDetail>;

public sealed class RecordIncidentHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time)
    : ICommandHandler<RecordIncident, IncidentDetail>
{
    public const int DescriptionMaxLength = 500;

    /// <summary>The earliest date accepted: the register and its indicators start long after.</summary>
    public static DateOnly Earliest { get; } = new(2000, 1, 1);

    public async ValueTask<IncidentDetail> Handle(RecordIncident command, CancellationToken cancellationToken)
    {
        IncidentAccess.EnsureMayRecord(user);
        var errors = new InputErrors();
        var kind = errors.Enum<IncidentKind>("kind", command.Kind, required: true);
        var occurredOn = Date(errors, command.OccurredOn, DistrictCalendar.Today(time));
        var (areaId, schoolId) = Place(errors, command.AreaId, command.SchoolId);
        var reportingBody = ReportingBody(errors, command.ReportingBodyId);
        var description = errors.Text("description", command.Description, DescriptionMaxLength, required: true);

        Case? @case = null;
        var fileNumber = string.IsNullOrWhiteSpace(command.CaseFileNumber) ? null : command.CaseFileNumber.Trim();
        if (fileNumber is not null)
        {
            // A case the reporter may not see answers like one that does not exist: the form must not reveal other files.
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.FileNumber == fileNumber || c.Id == fileNumber, cancellationToken);
            if (found is null || !CaseScope.For(user, tree).Covers(found))
                errors.Add("caseFileNumber", UseCaseStrings.Format("Incidents_CaseNotFound", fileNumber));
            else if (command.MinorInRegister == false)
                errors.Add("minorInRegister", UseCaseStrings.Format("Incidents_CaseNeedsRegister"));
            else @case = found;
        }
        errors.ThrowIfAny();

        var incident = new IncidentReport
        {
            Kind = kind!.Value,
            OccurredOn = occurredOn!.Value,
            AreaId = areaId!,
            SchoolId = schoolId,
            MinorInRegister = @case is not null || command.MinorInRegister == true,
            CaseId = @case?.Id,
            ReportingBodyId = reportingBody!,
            Description = description!,
            RecordedByUserId = user.UserId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.IncidentReports.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        var id = incident.Id.ToString(CultureInfo.InvariantCulture);
        AuditLog.Add(db, user, time, AuditActions.IncidentCreate, @case is null ? nameof(IncidentReport) : nameof(Case), @case?.Id ?? id,
            $"incident {id}: {incident.Kind} {incident.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        return IncidentDetail.From(incident, tree, @case?.FileNumber, withCase: true);
    }

    private static DateOnly? Date(InputErrors errors, string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Required("occurredOn");
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add("occurredOn", InputErrors.Message("Field_NotADate", "occurredOn"));
            return null;
        }
        if (date > today) errors.Add("occurredOn", InputErrors.Message("Incidents_DateInFuture", "occurredOn"));
        else if (date < Earliest) errors.Add("occurredOn", InputErrors.Message("Incidents_DateTooEarly", "occurredOn", Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        else return date;
        return null;
    }

    /// <summary>The area (片区) and the optional school, which must lie in it; a school alone gives its area.</summary>
    private (string? Area, string? School) Place(InputErrors errors, string? areaText, string? schoolText)
    {
        var areaId = string.IsNullOrWhiteSpace(areaText) ? null : areaText.Trim();
        var schoolId = string.IsNullOrWhiteSpace(schoolText) ? null : schoolText.Trim();
        var school = schoolId is null ? null : tree.Find(schoolId);
        if (schoolId is not null && school?.Kind != OrgUnitKind.School)
        {
            errors.Add("schoolId", UseCaseStrings.Format("Incidents_SchoolUnknown", schoolId));
            school = null;
        }
        areaId ??= school is null ? null : tree.AreaOf(school.Id);
        if (areaId is null)
        {
            errors.Required("areaId");
            return (null, null);
        }
        if (tree.Find(areaId)?.Kind != OrgUnitKind.Area)
        {
            errors.Add("areaId", UseCaseStrings.Format("Incidents_AreaUnknown", areaId));
            return (null, null);
        }
        if (school is not null && !string.Equals(tree.AreaOf(school.Id), areaId, StringComparison.Ordinal))
        {
            errors.Add("schoolId", UseCaseStrings.Format("Incidents_SchoolNotInArea", school.Name, tree.Get(areaId).Name));
            return (areaId, null);
        }
        return (areaId, school?.Id);
    }

    /// <summary>A reporting body's user reports for their own body; an administrator names one of the four.</summary>
    private string? ReportingBody(InputErrors errors, string? text)
    {
        var named = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var names = InputErrors.ListOf(ReportingBodies.All.Select(id => tree.Find(id)?.Name ?? id));
        if (ReportingBodies.Contains(user.OrgUnitId) && !user.IsInRole(Roles.Administrator))
        {
            if (named is null || string.Equals(named, user.OrgUnitId, StringComparison.Ordinal)) return user.OrgUnitId;
            errors.Add("reportingBodyId", UseCaseStrings.Format("Incidents_ReportingBodyNotYours", tree.Find(user.OrgUnitId!)?.Name));
            return null;
        }
        if (named is null) errors.Required("reportingBodyId");
        else if (!ReportingBodies.Contains(named)) errors.Add("reportingBodyId", InputErrors.Message("Field_NotOneOf", "reportingBodyId", names));
        else return named;
        return null;
    }
}
