namespace Bishan.Workflow.Infrastructure.Transactions;

/// <summary>
/// Runs a self-contained piece of work (its own transaction) again when it ran into a transient conflict
/// (<see cref="TransientFailures"/>), up to <see cref="MaxAttempts"/> times with a short random pause: every use case
/// (<see cref="UnitOfWork"/>) and the writes that are not use cases, such as adding or publishing a definition version,
/// which two nodes may do at the same moment.
/// </summary>
internal static class TransientRetry
{
    internal const int MaxAttempts = 6;

    public static async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < MaxAttempts && TransientFailures.IsTransient(ex) && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
        }
    }
}
