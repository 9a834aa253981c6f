using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.IdNumbers;

/// <summary>
/// A resident ID number (居民身份证号) that passed the GB 11643-1999 checks: 18 characters, a real embedded
/// date of birth and a matching check character. Only parsing creates one, so holding an <see cref="IdNumber"/>
/// means the number is well formed.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> returns the masked form: the number is sensitive personal information, and a value that
/// slips into a log line or an interpolated string must not leak it. Read <see cref="Value"/> deliberately.
/// </remarks>
public sealed record IdNumber
{
    private const string MaskFill = "********";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly char[] CheckCharacters = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

    private IdNumber(string value, DateOnly dateOfBirth, Gender gender)
    {
        Value = value;
        DateOfBirth = dateOfBirth;
        Gender = gender;
    }

    /// <summary>The whole number, upper-case X. Show it only to roles allowed to see it.</summary>
    public string Value { get; }

    /// <summary>The administrative division code of the place of registration (first 6 digits).</summary>
    public string AreaCode => Value[..6];

    /// <summary>The date of birth embedded at characters 7–14.</summary>
    public DateOnly DateOfBirth { get; }

    /// <summary>The gender embedded in the 17th digit (odd is male).</summary>
    public Gender Gender { get; }

    /// <summary>The form lists and exports show: the first 6 and last 4 characters, e.g. <c>500227********1234</c>.</summary>
    public string Mask() => Value[..6] + MaskFill + Value[14..];

    /// <summary>The masked number, never the whole one (see the remarks on the type).</summary>
    public override string ToString() => Mask();

    /// <summary>
    /// Masks a stored number without validating it (for exports of data that predate validation): 18 characters are
    /// masked like <see cref="Mask"/>, anything else is replaced entirely so that no malformed number leaks either.
    /// </summary>
    public static string MaskText(string? text) =>
        text is { Length: 18 } ? text[..6] + MaskFill + text[14..] : string.IsNullOrEmpty(text) ? string.Empty : new string('*', text.Length);

    /// <summary>Parses a number, accepting surrounding spaces and a lower-case x.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IdNumber? idNumber, out IdNumberError error) =>
        TryParse(text, expectedDateOfBirth: null, expectedGender: null, out idNumber, out error);

    /// <summary>
    /// Parses a number and checks it against the date of birth and gender entered on the same form, because a number
    /// that passes its own check digit but belongs to someone else is the error users actually make.
    /// </summary>
    public static bool TryParse(
        string? text,
        DateOnly? expectedDateOfBirth,
        Gender? expectedGender,
        [NotNullWhen(true)] out IdNumber? idNumber,
        out IdNumberError error)
    {
        idNumber = null;
        error = Validate(text?.Trim().ToUpperInvariant(), out var value, out var dateOfBirth, out var gender);
        if (error == IdNumberError.None && expectedDateOfBirth is { } dob && dob != dateOfBirth)
        {
            error = IdNumberError.DateOfBirthMismatch;
        }
        else if (error == IdNumberError.None && expectedGender is { } g && g != gender)
        {
            error = IdNumberError.GenderMismatch;
        }

        if (error != IdNumberError.None)
        {
            return false;
        }

        idNumber = new IdNumber(value!, dateOfBirth, gender);
        return true;
    }

    /// <summary>Parses a number known to be valid (seed data, tests).</summary>
    /// <exception cref="FormatException">The number is not valid; the message says why, in the current UI culture.</exception>
    public static IdNumber Parse(string text) =>
        TryParse(text, out var idNumber, out var error) ? idNumber : throw new FormatException(error.Describe());

    /// <summary>The GB 11643 check character of the first 17 digits: weighted sum mod 11 mapped to 1 0 X 9 8 7 6 5 4 3 2.</summary>
    /// <exception cref="ArgumentException">The input is not 17 digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17 || first17Digits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("The check character is computed from exactly 17 digits.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static IdNumberError Validate(string? text, out string? value, out DateOnly dateOfBirth, out Gender gender)
    {
        value = text;
        dateOfBirth = default;
        gender = default;
        if (string.IsNullOrEmpty(text))
        {
            return IdNumberError.Empty;
        }

        if (text.Length != 18)
        {
            return IdNumberError.WrongLength;
        }

        var last = text[17];
        if (text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(last) || last == 'X'))
        {
            return IdNumberError.InvalidCharacters;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dateOfBirth)
            || dateOfBirth.Year < 1800)
        {
            return IdNumberError.InvalidBirthDate;
        }

        if (ComputeCheckCharacter(text.AsSpan(0, 17)) != last)
        {
            return IdNumberError.CheckCharacterMismatch;
        }

        gender = (text[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return IdNumberError.None;
    }
}
