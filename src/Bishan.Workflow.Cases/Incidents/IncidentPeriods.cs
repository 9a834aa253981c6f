using System.Globalization;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Incidents;

/// <summary>Reads a period (<c>from</c>, <c>to</c>, yyyy-MM-dd, inclusive) of the incident list and the indicators.</summary>
public static class IncidentPeriods
{
    public static (DateOnly? From, DateOnly? To) Parse(InputErrors errors, string? fromText, string? toText, DateOnly? defaultFrom, DateOnly? defaultTo)
    {
        var from = One(errors, "from", fromText) ?? defaultFrom;
        var to = One(errors, "to", toText) ?? defaultTo;
        if (from is { } f && to is { } t && f > t) errors.Add("to", UseCaseStrings.Format("Incidents_PeriodReversed"));
        return (from, to);
    }

    private static DateOnly? One(InputErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, InputErrors.Message("Field_NotADate", field));
        return null;
    }
}
