using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Coordination;
using Bishan.Workflow.Cases.ExitCriteria;
using Bishan.Workflow.Cases.Incidents;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Cases.Reports.Sections;
using Bishan.Workflow.Cases.Tasks;
using Bishan.Workflow.Cases.Workflow;
using Bishan.Workflow.Engine.Validation;
using Bishan.Workflow.Infrastructure.Cases;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Infrastructure.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace so that hosts find AddCasesInfrastructure without an extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the case domain on the workflow store: the org tree (<see cref="OrgUnitSeed"/>), the coordination rules, the
    /// assignee-rule check of definitions (<see cref="AssigneeRuleValidator"/>), the Liquid <c>label</c> filter,
    /// the exit criteria (section <c>ExitCriteria</c> when <paramref name="configuration"/> is given), the minor population of the
    /// outcome indicators (section <c>Outcomes</c>), the workflow ⇄
    /// domain bridge as an effect handler, and a scoped <see cref="ICasesDbContext"/> (the scoped
    /// <see cref="BishanDbContext"/>). Needs <c>AddWorkflowPersistence</c>, <c>AddWorkflowRuntime</c> and a <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddCasesInfrastructure(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<ExitCriteriaOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection("ExitCriteria"));

        var outcomes = services.AddOptions<OutcomeOptions>();
        if (configuration is not null) outcomes.Bind(configuration.GetSection(OutcomeOptions.SectionName));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<OutcomeOptions>>().Value);

        var familyEducation = services.AddOptions<Bishan.Workflow.Cases.FamilyEducation.FamilyEducationOptions>();
        if (configuration is not null) familyEducation.Bind(configuration.GetSection(Bishan.Workflow.Cases.FamilyEducation.FamilyEducationOptions.Section));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<Bishan.Workflow.Cases.FamilyEducation.FamilyEducationOptions>>().Value);

        // A tree of its own (not the static seed tree): start-up fills it from the database and administrators' edits replace it.
        services.TryAddSingleton(_ => new OrgTree(OrgUnitSeed.All));
        services.TryAddSingleton(sp => new CoordinatingBodyResolver(sp.GetRequiredService<OrgTree>()));
        // Answers over cases and tasks reused while the stored DataStamp version stands (overview, list totals; issue 15).
        services.TryAddSingleton<Bishan.Workflow.Cases.Common.StampedCache>();
        // Those versions as read with the caller's account at the start of a request, taken by its use cases (issue 15).
        services.TryAddScoped<Bishan.Workflow.Cases.Common.RequestStamps>();
        services.TryAddSingleton(sp => ExitCriteriaCatalog.FromOptions(sp.GetRequiredService<IOptions<ExitCriteriaOptions>>().Value));
        services.TryAddSingleton<Bishan.Workflow.Cases.Criteria.CriteriaCatalogs>();
        services.TryAddSingleton<CaseWorkflowBridge>();
        // Publishing checks the assignee rules against the roles and org units (WorkflowValidator runs every IActivityValidator).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityValidator, AssigneeRuleValidator>());
        // {{ proposedTier | label }} in a workflow's texts reads 较重, from the same resources as the UI.
        services.AddSingleton(DomainLabels.LiquidLabelFilter);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkflowEffectHandler, CasesEffectHandler>());
        services.TryAddScoped<ICasesDbContext>(sp => sp.GetRequiredService<BishanDbContext>());
        services.TryAddScoped<Bishan.Workflow.Cases.Plans.Reviews.PlanReviewTasks>();
        services.TryAddScoped<Bishan.Workflow.Cases.Responsibility.OverdueDigest>();
        services.TryAddScoped<Bishan.Workflow.Cases.FamilyEducation.Classes.Reminders.FamilyEducationClassReminders>();
        services.TryAddTransient<PlanReviewJob>();
        services.TryAddTransient<FamilyEducationClassReminderJob>();
        AddSpecialReportSections(services);
        return services;
    }

    /// <summary>
    /// The special report's figure providers, one line each, in any order (each says where it goes): a new section (family and
    /// guardianship figures, the pool's totals by kind) is one class implementing <see cref="ISpecialReportSection"/> and one line here.
    /// </summary>
    private static void AddSpecialReportSections(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, RegisterSection>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, OutcomeSection>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, MeetingSection>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, PoolSection>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, GuardianshipSection>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, FamilyEducationSection>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISpecialReportSection, SupervisionSection>());
        services.TryAddScoped<SpecialReportComposer>();
    }
}
