using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bishan.Workflow.Web.Auth.SignIn;

/// <summary>
/// Counts failed sign-ins per client address and per user name (known or not: an unknown name is throttled exactly
/// like a real one, so a 429 tells nothing about which names exist) and says how long the next attempt must wait.
/// Times come from the injected <see cref="TimeProvider"/>. In memory and per node: a restart forgets the counts,
/// which at worst gives a guesser a few more tries; no account is ever locked by it.
/// </summary>
internal sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private readonly SignInThrottleOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must still wait before trying to sign in, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string? address, string userName)
    {
        var now = time.GetUtcNow();
        var byAddress = Wait(AddressKey(address), now, _options.AddressFreeFailures, _options.AddressFirstDelaySeconds, _options.AddressMaxDelaySeconds);
        var byName = Wait(UserNameKey(userName), now, _options.UserNameFreeFailures, _options.UserNameFirstDelaySeconds, _options.UserNameMaxDelaySeconds);
        var wait = byAddress > byName ? byAddress : byName;
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void RecordFailure(string? address, string userName)
    {
        var now = time.GetUtcNow();
        Add(AddressKey(address), now);
        Add(UserNameKey(userName), now);
        if (_failures.Count > 10_000) Prune(now);
    }

    /// <summary>The right password clears the user name's count (not the address's: one's own account must not reset a guesser's count).</summary>
    public void RecordSuccess(string userName) => _failures.TryRemove(UserNameKey(userName), out _);

    private TimeSpan Wait(string key, DateTimeOffset now, int free, int firstSeconds, int maxSeconds)
    {
        if (!_failures.TryGetValue(key, out var failures)) return TimeSpan.Zero;
        var (count, last) = failures.Read();
        if (now - last > TimeSpan.FromMinutes(_options.ForgetAfterMinutes) || count < free) return TimeSpan.Zero;
        var doublings = Math.Min(count - free, 20);
        var delay = TimeSpan.FromSeconds(Math.Min((double)firstSeconds * (1L << doublings), maxSeconds));
        return last + delay - now;
    }

    private void Add(string key, DateTimeOffset now)
    {
        var failures = _failures.GetOrAdd(key, static _ => new Failures());
        failures.Add(now, TimeSpan.FromMinutes(_options.ForgetAfterMinutes));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
            if (now - failures.Read().Last > TimeSpan.FromMinutes(_options.ForgetAfterMinutes))
                _failures.TryRemove(key, out _);
    }

    private static string AddressKey(string? address) => "a:" + (address ?? "unknown");

    private static string UserNameKey(string userName) => "u:" + userName.Trim().ToUpperInvariant();

    private sealed class Failures
    {
        private readonly Lock _lock = new();
        private int _count;
        private DateTimeOffset _last;

        public (int Count, DateTimeOffset Last) Read()
        {
            lock (_lock) return (_count, _last);
        }

        public void Add(DateTimeOffset now, TimeSpan forgetAfter)
        {
            lock (_lock)
            {
                _count = now - _last > forgetAfter ? 1 : _count + 1;
                _last = now;
            }
        }
    }
}
