using System.Globalization;
using Bishan.Workflow.Cases.Vocabulary;

namespace Bishan.Workflow.Cases.IdNumbers;

/// <summary>
/// Makes valid synthetic ID numbers for demo data and tests, so that no real person's number is ever needed.
/// Deterministic given the same <see cref="Random"/> seed.
/// </summary>
public static class IdNumberGenerator
{
    /// <summary>A number for this date of birth and gender with the order code chosen by <paramref name="sequence"/> (0–499).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The sequence or the area code is out of range.</exception>
    public static IdNumber Generate(DateOnly dateOfBirth, Gender gender, int sequence, string areaCode = BishanAreaCodes.Default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 499);
        if (areaCode is not { Length: 6 } || areaCode.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentOutOfRangeException(nameof(areaCode), areaCode, "An area code has six digits.");
        }

        // Characters 15-17 are the order code; its last digit is odd for men and even for women.
        var order = (sequence * 2) + (gender == Gender.Male ? 1 : 0);
        var first17 = string.Create(
            CultureInfo.InvariantCulture,
            $"{areaCode}{dateOfBirth:yyyyMMdd}{order:000}");
        return IdNumber.Parse(first17 + IdNumber.ComputeCheckCharacter(first17));
    }

    /// <summary>A number for this date of birth and gender with a random order code.</summary>
    public static IdNumber Generate(DateOnly dateOfBirth, Gender gender, Random random, string areaCode = BishanAreaCodes.Default)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Generate(dateOfBirth, gender, random.Next(500), areaCode);
    }
}
