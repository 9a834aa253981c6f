using Bishan.Workflow.Web.Auth.SignIn;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bishan.Workflow.Web.Tests;

/// <summary>The failure delays of sign-in, on a fake clock: they start after the free failures, double, stop at a ceiling and pass.</summary>
public sealed class SignInThrottleFacts
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleFacts() => _throttle = new SignInThrottle(Options.Create(new SignInThrottleOptions()), _time);

    [Fact]
    public void RetryAfter_StartsAfterFiveFailuresFromOneAddress_AndDoubles()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(_throttle.RetryAfter("10.0.0.1", "user" + i));
            _throttle.RecordFailure("10.0.0.1", "user" + i);
        }
        Assert.Equal(TimeSpan.FromSeconds(15), _throttle.RetryAfter("10.0.0.1", "someone"));
        Assert.Null(_throttle.RetryAfter("10.0.0.2", "someone"));

        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Null(_throttle.RetryAfter("10.0.0.1", "someone"));
        _throttle.RecordFailure("10.0.0.1", "someone");
        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.RetryAfter("10.0.0.1", "someone"));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(20), _throttle.RetryAfter("10.0.0.1", "someone"));
    }

    [Fact]
    public void RetryAfter_ForAUserName_StopsAtAShortCeiling_AndIsForgottenAfterAQuarterHour()
    {
        for (var i = 0; i < 30; i++) _throttle.RecordFailure("10.0.1." + i, "Colleague");

        // Any case of the name, from an address that never failed.
        Assert.Equal(TimeSpan.FromSeconds(60), _throttle.RetryAfter("10.9.9.9", "colleague"));

        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Null(_throttle.RetryAfter("10.9.9.9", "colleague"));
    }

    [Fact]
    public void RecordSuccess_ClearsTheUserName_ButNotTheAddress()
    {
        for (var i = 0; i < 10; i++) _throttle.RecordFailure("10.0.2.1", "owner");
        _throttle.RecordSuccess("owner");

        Assert.Null(_throttle.RetryAfter("10.0.2.2", "owner"));
        Assert.NotNull(_throttle.RetryAfter("10.0.2.1", "anyone"));
    }
}
