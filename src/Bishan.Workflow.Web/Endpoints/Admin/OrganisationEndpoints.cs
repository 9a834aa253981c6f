using Bishan.Workflow.Cases.OrgUnits.CreateOrgUnit;
using Bishan.Workflow.Cases.OrgUnits.MoveOrgUnit;
using Bishan.Workflow.Cases.OrgUnits.RenameOrgUnit;
using Bishan.Workflow.Cases.OrgUnits.RetireOrgUnit;
using Bishan.Workflow.Web.Administration.Users;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Admin;

/// <summary>
/// Administration of users and org units (issue 11 point 1). Administrators only (403 with the reason for anyone else);
/// every change is audited. Field errors are 400 in the reader's language; refusals that depend on the state are 409.
/// </summary>
internal static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Admin");
        users.MapGet("/", async (string? q, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListUsers(q), ct)))
            .WithSummary("Every user with roles, unit and whether disabled.");
        users.MapPost("/", async (UserRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateUser(body.UserName, body.DisplayName, body.Role, body.OrgUnitId), ct);
                return TypedResults.Created($"/api/admin/users/{created.User.Id}", created);
            })
            .WithSummary("Creates a user in one role at one unit; answers the temporary password once.");
        users.MapPut("/{id}", async (string id, UserRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateUser(id, body.DisplayName, body.Role, body.OrgUnitId), ct)))
            .WithSummary("Changes a user's name, role or unit (fields left out stay).");
        users.MapPost("/{id}/disable", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserDisabled(id, true), ct)))
            .WithSummary("Disables an account: no sign-in, tokens and cookies end; its history stays.");
        users.MapPost("/{id}/enable", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserDisabled(id, false), ct)))
            .WithSummary("Enables a disabled account.");
        users.MapPost("/{id}/reset-password", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResetPassword(id), ct)))
            .WithSummary("Gives the user a new temporary password (answered once) and ends their sessions.");

        var units = api.MapGroup("/admin/org-units").WithTags("Admin");
        units.MapPost("/", async (OrgUnitRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(new CreateOrgUnit(body.Name, body.Kind, body.ParentId, body.EnglishName, body.AreaId), ct);
                return TypedResults.Created($"/api/org-units/{created.Id}", created);
            })
            .WithSummary("Creates a unit under a parent that may hold its kind.");
        units.MapPut("/{id}", async (string id, OrgUnitRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RenameOrgUnit(id, body.Name, body.EnglishName), ct)))
            .WithSummary("Renames a unit; its id, cases and users stay.");
        units.MapPost("/{id}/move", async (string id, OrgUnitRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MoveOrgUnit(id, body.ParentId), ct)))
            .WithSummary("Places a unit under another parent.");
        units.MapPost("/{id}/retire", async (string id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RetireOrgUnit(id), ct)))
            .WithSummary("Retires a unit: it keeps its history and takes no new work.");
        return api;
    }
}

internal sealed record UserRequest(string? UserName, string? DisplayName, string? Role, string? OrgUnitId);

internal sealed record OrgUnitRequest(string? Name, string? Kind, string? ParentId, string? EnglishName, string? AreaId);
