namespace Bishan.Workflow.Cases.IdNumbers;

/// <summary>Why a text is not an acceptable resident ID number. Codes, not messages, so the API can map them to field errors and the UI can translate them.</summary>
public enum IdNumberError
{
    /// <summary>The number is acceptable.</summary>
    None,

    /// <summary>Nothing was entered.</summary>
    Empty,

    /// <summary>Not 18 characters (the old 15-digit numbers are not accepted).</summary>
    WrongLength,

    /// <summary>The first 17 characters are not all digits, or the last is neither a digit nor X.</summary>
    InvalidCharacters,

    /// <summary>Characters 7–14 are not a real date (yyyyMMdd), or lie before 1800 (the standard's own example is born in 1880).</summary>
    InvalidBirthDate,

    /// <summary>The last character differs from the GB 11643 check character of the first 17: usually a typo.</summary>
    CheckCharacterMismatch,

    /// <summary>The embedded date of birth differs from the one entered on the form.</summary>
    DateOfBirthMismatch,

    /// <summary>The embedded gender differs from the one entered on the form.</summary>
    GenderMismatch,
}
