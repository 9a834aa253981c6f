namespace Bishan.Workflow.Infrastructure.Nodes;

/// <summary>
/// Whether this node has finished its start-up work (migrations, the organisation, imports, the schedule) and may do
/// anything that needs the database (issue 15, start-up). The server listens while that work still runs, so the
/// endpoints, the background workers and Hangfire's server wait for this first. A host without start-up work registers
/// one that is open from the start (<see cref="Open"/>); the web host registers a closed one and opens it.
/// </summary>
public sealed class NodeReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A readiness that is open from the start: for hosts whose storage needs no start-up work.</summary>
    public static NodeReadiness Open()
    {
        var readiness = new NodeReadiness();
        readiness.MarkReady();
        return readiness;
    }

    /// <summary>Completes once the node is ready; faults if its start-up work failed (the host then stops).</summary>
    public Task WhenReady => _ready.Task;

    public void MarkReady() => _ready.TrySetResult();

    public void MarkFailed(Exception cause) => _ready.TrySetException(cause);

    /// <summary>
    /// Waits until the node is ready. False when the start-up failed or <paramref name="ct"/> was cancelled first: the
    /// host is stopping then, and a background worker simply ends.
    /// </summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        await _ready.Task.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return _ready.Task.IsCompletedSuccessfully && !ct.IsCancellationRequested;
    }
}
