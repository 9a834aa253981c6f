using Bishan.Workflow.Cases.Retention;
using Bishan.Workflow.Cases.Retention.Steps;
using Bishan.Workflow.Infrastructure.Maintenance;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace so that hosts find AddMaintenance without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class MaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// Data retention (the anonymiser with its personal-data steps, instance pruning, audit period) and SQLite backups,
    /// with their recurring jobs (<see cref="MaintenanceSchedule"/>). Another kind of personal data is one more
    /// <see cref="IPersonalDataStep"/> added here or by its own feature with <c>TryAddEnumerable</c>.
    /// </summary>
    public static IServiceCollection AddMaintenance(this IServiceCollection services, RetentionOptions retention, BackupOptions backup)
    {
        services.AddSingleton(retention);
        services.AddSingleton(backup);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStep, ReduceMinorName>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStep, RemoveIdNumber>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStep, KeepBirthYearOnly>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStep, RemoveFamilyPersonalData>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStep, RemoveGuardianshipPersonalData>());
        // Last: it replaces the name as it was before the run wherever records repeat it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStep, RemoveNameFromRecords>());
        services.AddSingleton<CaseAnonymiser>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<BackupService>();
        services.AddTransient<MaintenanceJobs>();
        services.AddSingleton<MaintenanceSchedule>();
        return services;
    }
}
