using Bishan.Workflow.Cases.Access;
using Bishan.Workflow.Infrastructure.Maintenance;
using Bishan.Workflow.Web.Auth;

namespace Bishan.Workflow.Web.Endpoints.Admin;

/// <summary>Data retention (dry run, run now) and backups (list, back up now) for administrators; runs are audited.</summary>
internal static class MaintenanceEndpoints
{
    public static RouteGroupBuilder MapMaintenanceEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AuthPolicies.Administrator);
        admin.MapGet("/retention/preview", async (RetentionService retention, ICurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await retention.PreviewAsync(user, ct)))
            .WithSummary("What the next retention run would change (dry run): files to anonymise (masked numbers), instances to prune, audit entries past the audit period.");
        admin.MapPost("/retention/run", async (RetentionService retention, ICurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await retention.RunAsync(user, ct)))
            .WithSummary("Runs data retention now; audited (retention.run). 409 while a run is under way.");
        admin.MapGet("/backups", (BackupService backups, ICurrentUser user) => TypedResults.Ok(backups.Overview(user)))
            .WithSummary("The backup folder, how many are kept and the backups there, newest first; on PostgreSQL supported=false and who backs up.");
        admin.MapPost("/backups", async (BackupService backups, ICurrentUser user, CancellationToken ct) =>
                TypedResults.Created((string?)null, await backups.CreateAsync(user, ct)))
            .WithSummary("Backs up both SQLite databases now; audited (backup.create). 409 on PostgreSQL or while a backup runs.");
        return api;
    }
}
