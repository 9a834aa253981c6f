using Bishan.Workflow.Engine.Diagnostics;
using System.Reflection;
using Bishan.Workflow.Engine.Descriptors;
using Bishan.Workflow.Engine.Execution;
using Bishan.Workflow.Engine.Expressions;
using Bishan.Workflow.Engine.Runtime;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Infrastructure.Outbox;
using Bishan.Workflow.Infrastructure.Runtime;
using Bishan.Workflow.Infrastructure.Transactions;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace so that hosts find AddWorkflowRuntime without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (activity registry with the built-in activities plus those in
    /// <paramref name="activityAssemblies"/>, expressions, validator, executor) and the stored runtime:
    /// <see cref="IWorkflowDefinitionService"/>, <see cref="IWorkflowRuntime"/>, <see cref="IWorkflowInstanceQueries"/>.
    /// Needs <c>AddWorkflowPersistence</c> and a <see cref="TimeProvider"/>; the host registers its
    /// <see cref="IWorkflowScheduler"/> (otherwise <see cref="NullWorkflowScheduler"/>). Optional overrides,
    /// registered before or after: <see cref="ExpressionLimits"/>, <see cref="ExecutorOptions"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services, params Assembly[] activityAssemblies)
    {
        services.AddLogging();
        services.TryAddSingleton(_ =>
        {
            var registry = ActivityRegistry.CreateDefault();
            foreach (var assembly in activityAssemblies.Distinct()) registry.RegisterAssembly(assembly);
            return registry;
        });
        services.TryAddSingleton(sp => new ExpressionEvaluator(
            new JavaScriptEvaluator(sp.GetService<ExpressionLimits>()), new LiquidEvaluator(sp.GetServices<LiquidFilter>(), sp.GetService<ExpressionLimits>())));
        services.TryAddSingleton<WorkflowValidator>();
        services.TryAddSingleton(sp => new WorkflowExecutor(
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetRequiredService<ExpressionEvaluator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp,
            sp.GetService<ExecutorOptions>(),
            sp.GetRequiredService<WorkflowMetrics>()));
        services.TryAddSingleton<WorkflowMetrics>();
        services.TryAddSingleton<IWorkflowScheduler, NullWorkflowScheduler>();

        services.TryAddSingleton<DefinitionCache>();
        services.TryAddSingleton<TriggerExtractor>();
        services.TryAddSingleton<RuntimeSessionPool>();
        services.TryAddSingleton<PassCommitter>();
        services.TryAddSingleton(new NodeIdentity());
        services.TryAddSingleton<InstanceLeases>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddScoped<UnitOfWork>();
        // Open unless the host registered one it opens after its start-up work (the web host).
        services.TryAddSingleton(_ => Bishan.Workflow.Infrastructure.Nodes.NodeReadiness.Open());
        // Outbox leftovers, lease renewal and recovery of instances other nodes left behind (runs in hosts only).
        services.AddHostedService<NodeWorker>();
        services.TryAddSingleton<IWorkflowDefinitionService, WorkflowDefinitionService>();
        services.TryAddSingleton<IWorkflowRuntime, WorkflowRuntime>();
        services.TryAddSingleton<IWorkflowInstanceQueries, WorkflowInstanceQueries>();
        return services;
    }
}
