using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Time;
using Mediator;

namespace Bishan.Workflow.Cases.Incidents.GetOutcomeIndicators;

/// <summary>
/// The outcome indicators (<see cref="OutcomeIndicators"/>) for a period (default: 1 January of this year to today, in
/// Asia/Shanghai) against the same days a year earlier, over the incidents the reader may read: district-wide readers the
/// district, a reporting body its own reports; anyone else 403. A period is at most one year long and starts in 2000 or later.
/// </summary>
public sealed record GetOutcomeIndicators(string? From = null, string? To = null) : IQuery<OutcomeIndicators>;

public sealed class GetOutcomeIndicatorsHandler(ICasesDbContext db, ICurrentUser user, OrgTree tree, TimeProvider time, OutcomeOptions options)
    : IQueryHandler<GetOutcomeIndicators, OutcomeIndicators>
{
    public async ValueTask<OutcomeIndicators> Handle(GetOutcomeIndicators query, CancellationToken cancellationToken)
    {
        var incidents = IncidentAccess.Readable(db.IncidentReports, user, tree);
        var today = DistrictCalendar.Today(time);
        var errors = new InputErrors();
        var (from, to) = IncidentPeriods.Parse(errors, query.From, query.To, new DateOnly(today.Year, 1, 1), today);
        if (!errors.Any)
        {
            if (from!.Value < RecordIncident.RecordIncidentHandler.Earliest.AddYears(1))
                errors.Add("from", UseCaseStrings.Format("Incidents_PeriodTooEarly", RecordIncident.RecordIncidentHandler.Earliest.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            else if (to!.Value >= from.Value.AddYears(1))
                errors.Add("to", UseCaseStrings.Format("Incidents_PeriodTooLong"));
        }
        errors.ThrowIfAny();
        return await OutcomeIndicators.ComputeAsync(incidents, from!.Value, to!.Value, options, IncidentAccess.ReadsAll(user, tree), cancellationToken);
    }
}
