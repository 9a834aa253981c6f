namespace Bishan.Workflow.Cases.Time;

/// <summary>
/// Dates as Bishan sees them. The servers may run in UTC, but "today", ages and due dates belong to Asia/Shanghai:
/// at 07:00 UTC it is already tomorrow's afternoon in Chongqing.
/// </summary>
public static class DistrictCalendar
{
    /// <summary>Asia/Shanghai (UTC+8 all year; China has had no daylight-saving time since 1991). Falls back to a fixed +8 zone where tzdata is missing.</summary>
    public static TimeZoneInfo TimeZone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>The local date in Bishan at the provider's current instant.</summary>
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZone).DateTime);
    }
}
