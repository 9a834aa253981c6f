using Bishan.Workflow.Infrastructure.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Bishan.Workflow.Web.Auth.SignIn;

/// <summary>The outcome of checking a user name and password: the user, a refusal, or a wait.</summary>
internal sealed record SignInCheck(AppUser? User, TimeSpan? RetryAfter)
{
    public bool Succeeded => User is not null;
    public bool Throttled => RetryAfter is not null;
}

/// <summary>
/// The one password check of the API and the login page. It never locks an account on failure (the throttle slows
/// guessing instead); an account an administrator locked is refused with the same answer as a wrong password; and an
/// unknown or locked user costs one password hash like a real one, so timing does not tell which names exist.
/// </summary>
internal sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle)
{
    // A hash of a random password, made once: verifying against it costs what verifying a real user's hash costs.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    public async Task<SignInCheck> CheckAsync(string? userName, string? password, string? address)
    {
        userName = userName?.Trim() ?? "";
        password ??= "";
        if (throttle.RetryAfter(address, userName) is { } wait) return new SignInCheck(null, wait);

        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        var ok = user is not null && await signIn.CanSignInAsync(user) && !await users.IsLockedOutAsync(user)
            ? await users.CheckPasswordAsync(user, password)
            : VerifyDummy(password);
        if (!ok)
        {
            throttle.RecordFailure(address, userName);
            return new SignInCheck(null, null);
        }
        throttle.RecordSuccess(userName);
        return new SignInCheck(user, null);
    }

    private static bool VerifyDummy(string password)
    {
        new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
        return false;
    }
}
