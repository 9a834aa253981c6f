namespace Bishan.Workflow.Infrastructure.Transactions;

/// <summary>
/// Runs a self-contained piece of work (its own context and transaction) again when it ran into a transient conflict
/// (<see cref="TransientFailures"/>): for the writes that are not use cases, such as adding or publishing a definition
/// version, which two nodes may do at the same moment.
/// </summary>
internal static class TransientRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < UnitOfWork.MaxAttempts && TransientFailures.IsTransient(ex) && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), ct);
            }
        }
    }
}
