using System.Globalization;
using Bishan.Workflow.Cases.Time;

namespace Bishan.Workflow.Web.Ui;

/// <summary>Instants are stored in UTC; people in Bishan read them in Asia/Shanghai, formatted in their UI culture.</summary>
public static class DisplayTime
{
    public static string Format(DateTime utc, CultureInfo? culture = null)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), DistrictCalendar.TimeZone);
        return local.ToString("g", culture ?? CultureInfo.CurrentCulture);
    }

    public static string Format(DateTime? utc, CultureInfo? culture = null) =>
        utc is { } value ? Format(value, culture) : "";
}
