using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;

namespace Bishan.Workflow.Cases.Funding;

/// <summary>Yuan amounts as the API takes them: positive, whole fen (two decimals at most), below a sanity ceiling.</summary>
public static class Money
{
    public const decimal Max = 100_000_000m;

    public static decimal? Check(InputErrors errors, string field, decimal? amount, bool required = true)
    {
        if (amount is not { } value)
        {
            if (required) errors.Add(field, UseCaseStrings.Format("Field_Required", field));
            return null;
        }
        if (value <= 0 || value > Max || decimal.Round(value, 2) != value)
        {
            errors.Add(field, UseCaseStrings.Format("Money_Invalid", field, Max));
            return null;
        }
        return value;
    }

    /// <summary>For messages: 1,234.50.</summary>
    public static string Text(decimal amount) => amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}
