namespace Bishan.Workflow.Web.Auth.SignIn;

/// <summary>
/// Settings section <c>SignIn:Throttle</c>. Failed sign-ins are counted per client address and per user name; past
/// the free attempts each further attempt waits a delay that doubles with every failure up to a ceiling, and is
/// answered 429 before that. Nothing locks an account: the user name's ceiling is short so that a stranger guessing
/// a colleague's password only slows the colleague down, while the guessing address waits much longer.
/// </summary>
internal sealed class SignInThrottleOptions
{
    public const string Section = "SignIn:Throttle";

    /// <summary>Failures from one address before delays start.</summary>
    public int AddressFreeFailures { get; set; } = 5;

    /// <summary>First delay for an address past its free failures, in seconds; doubles with every further failure.</summary>
    public int AddressFirstDelaySeconds { get; set; } = 15;

    public int AddressMaxDelaySeconds { get; set; } = 900;

    /// <summary>Failures for one user name (from any address) before delays start.</summary>
    public int UserNameFreeFailures { get; set; } = 10;

    public int UserNameFirstDelaySeconds { get; set; } = 5;

    /// <summary>Kept short: a delay on a user name also slows down its rightful owner.</summary>
    public int UserNameMaxDelaySeconds { get; set; } = 60;

    /// <summary>Failures are forgotten once this long has passed since the last one.</summary>
    public int ForgetAfterMinutes { get; set; } = 15;

    /// <summary>Sign-in and refresh requests (successful or not) one address may send per minute (ASP.NET Core rate limiter).</summary>
    public int AddressRequestsPerMinute { get; set; } = 30;
}
