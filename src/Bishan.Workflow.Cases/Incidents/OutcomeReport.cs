using System.Globalization;
using System.Text;
using Bishan.Workflow.Cases.Model;
using Bishan.Workflow.Cases.Time;
using Bishan.Workflow.Cases.Workflow;

namespace Bishan.Workflow.Cases.Incidents;

/// <summary>
/// The outcome-indicator section of the special report (专报): each indicator from 1 January of the report's year to its day
/// against the same days a year earlier, district-wide, count and rate per 10,000 minors, written once in Chinese.
/// </summary>
public static class OutcomeReport
{
    public static async Task<string> WriteAsync(IQueryable<IncidentReport> incidents, DateTime nowUtc, OutcomeOptions options, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), DistrictCalendar.TimeZone));
        var f = await OutcomeIndicators.ComputeAsync(incidents, new DateOnly(today.Year, 1, 1), today, options, districtWide: true, ct);
        var text = new StringBuilder();
        text.AppendLine(CaseTexts.Format("Incidents_ReportOutcomes", Day(f.Period.From), Day(f.Period.To), Day(f.Previous.From), Day(f.Previous.To)));
        foreach (var i in f.Indicators)
            text.AppendLine(CaseTexts.Format("Incidents_ReportOutcomeLine", CaseTexts.Label(i.Kind), i.Current.Count, i.Previous.Count,
                Change(i.CountChangePercent, i.Current.Count, i.Previous.Count), Rate(i.Current.RatePer10k), Rate(i.Previous.RatePer10k),
                i.Current.RatePer10k is null || i.Previous.RatePer10k is null ? CaseTexts.Format("Incidents_ReportChangeNone")
                    : Change(i.RateChangePercent, i.Current.Count, i.Previous.Count)));
        return text.ToString().TrimEnd();
    }

    /// <summary>下降38.9% / 上升12.5% / 持平 / 无可比数据, the way the source states its results.</summary>
    public static string Change(decimal? percent, int now, int before) => percent switch
    {
        null when now == 0 && before == 0 => CaseTexts.Format("Incidents_ReportChangeFlat"),
        null => CaseTexts.Format("Incidents_ReportChangeNone"),
        < 0 => CaseTexts.Format("Incidents_ReportChangeDown", (-percent.Value).ToString("0.#", CultureInfo.InvariantCulture)),
        > 0 => CaseTexts.Format("Incidents_ReportChangeUp", percent.Value.ToString("0.#", CultureInfo.InvariantCulture)),
        _ => CaseTexts.Format("Incidents_ReportChangeFlat"),
    };

    private static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : CaseTexts.Format("Incidents_ReportRateNotSet");

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
