namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>Lets <see cref="CrashOnceActivity"/> pull the plug on the pass that runs it, once.</summary>
internal sealed class CrashSwitch : IDisposable
{
    private CancellationTokenSource? _armed;

    /// <summary>The token to pass to the run that should "crash".</summary>
    public CancellationToken Arm()
    {
        _armed = new CancellationTokenSource();
        return _armed.Token;
    }

    public bool TryFire()
    {
        var armed = Interlocked.Exchange(ref _armed, null);
        if (armed is null) return false;
        armed.Cancel();
        armed.Dispose();
        return true;
    }

    public void Dispose() => Interlocked.Exchange(ref _armed, null)?.Dispose();
}
