using Bishan.Workflow.Cases;
using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Cases.Common;
using Bishan.Workflow.Cases.Localization;
using Bishan.Workflow.Cases.Organisation;
using Bishan.Workflow.Infrastructure.Persistence;
using Bishan.Workflow.Web.Auth;
using Bishan.Workflow.Web.Endpoints.Admin;
using Bishan.Workflow.Web.Endpoints.Cases;
using Mediator;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bishan.Workflow.Web.Extensions;

/// <summary>The case-management API: use cases (Mediator handlers in the Cases project), the current user, error mapping.</summary>
internal static class CasesApiExtensions
{
    public static IServiceCollection AddCasesApi(this IServiceCollection services)
    {
        // Scoped, so handlers share the request's ICurrentUser and DbContext (Mediator 3: handlers take the mediator's lifetime).
        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            // The domain's use cases, and the host's own that need Identity (user administration).
            o.Assemblies = [typeof(ICasesDbContext), typeof(Administration.Users.CreateUser)];
            // One transaction per command (use case), retried as a whole on a transient conflict.
            // Before it, every use case first brings the org tree up to date with the database (other nodes edit it too).
            o.PipelineBehaviors = [typeof(Bishan.Workflow.Infrastructure.Cases.OrgTreeSyncBehavior<,>),
                typeof(Bishan.Workflow.Infrastructure.Transactions.UnitOfWorkBehavior<,>)];
        });
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<HttpCurrentUser>());
        services.TryAddScoped<ICasesDbContext>(sp => sp.GetRequiredService<BishanDbContext>());
        // A tree of its own (not the static seed tree): start-up fills it from the database and administrators' edits replace it.
        services.TryAddSingleton(_ => new OrgTree(OrgUnitSeed.All));
        services.AddScoped<CaseWorkflows>();
        services.AddExceptionHandler<CasesExceptionHandler>();
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture(DomainCultures.Chinese.Name);
            o.AddSupportedCultures([.. DomainCultures.All.Select(c => c.Name)]);
            o.AddSupportedUICultures([.. DomainCultures.All.Select(c => c.Name)]);
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new ApiAcceptLanguageProvider()];
        });
        return services;
    }

    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        // Every case endpoint needs a signed-in user whose org unit is known before the handler runs.
        var cases = api.MapGroup("")
            .RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
            {
                var user = context.HttpContext.RequestServices.GetRequiredService<HttpCurrentUser>();
                await user.LoadAsync(context.HttpContext.RequestAborted);
                return await next(context);
            });
        cases.MapReferralEndpoints();
        cases.MapCaseEndpoints();
        cases.MapTaskEndpoints();
        cases.MapNotificationEndpoints();
        cases.MapStatisticsEndpoints();
        cases.MapPoolEndpoints();
        cases.MapFundingEndpoints();
        cases.MapMeetingEndpoints();
        cases.MapMaintenanceEndpoints();
        cases.MapCriteriaEndpoints();
        cases.MapPlanEndpoints();
        cases.MapIncidentEndpoints();
        cases.MapFamilyEndpoints();
        cases.MapFamilyEducationEndpoints();
        cases.MapFamilyEducationClassEndpoints();
        cases.MapReportEndpoints();
        cases.MapOrganisationEndpoints();
        cases.MapAccountabilityEndpoints();
        cases.MapGuardianshipEndpoints();
        return api;
    }
}
