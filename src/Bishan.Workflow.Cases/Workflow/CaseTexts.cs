using System.Globalization;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Workflow;

/// <summary>
/// Text the bridge writes into rows (timeline lines, notifications, the special report). Rows are records, written
/// once in the district's language (zh-CN) from the resource files, not labels re-translated on every read.
/// </summary>
public static class CaseTexts
{
    /// <summary>The culture stored text is written in.</summary>
    public static CultureInfo Culture => DomainCultures.Chinese;

    /// <summary>The resource <paramref name="key"/> formatted with <paramref name="args"/>; a missing key shows as the key.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(Culture, DomainStrings.Find(key, Culture) ?? key, args).Trim();

    /// <summary>An enum label in the stored-text culture.</summary>
    public static string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => DomainLabels.For(value, Culture);

    /// <summary>
    /// A date and time as the district reads it (Asia/Shanghai), in the stored-text culture's short format (2026/11/20
    /// 9:30 in zh-CN): the same format the pages use around the text (DisplayTime), not ISO.
    /// </summary>
    public static string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Time.DistrictCalendar.TimeZone)
            .ToString("g", Culture);
}
