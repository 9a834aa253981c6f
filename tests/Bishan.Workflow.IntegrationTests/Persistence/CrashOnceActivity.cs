using Bishan.Workflow.Engine.Activities;
using Bishan.Workflow.Engine.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Bishan.Workflow.IntegrationTests.Persistence;

/// <summary>Simulates a process dying mid-pass: the first time it runs after the switch is armed, the run is cancelled.</summary>
[Activity("Test.CrashOnce", "Test")]
internal sealed class CrashOnceActivity : Activity
{
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (context.Services.GetService<CrashSwitch>()?.TryFire() == true)
            context.CancellationToken.ThrowIfCancellationRequested();
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
