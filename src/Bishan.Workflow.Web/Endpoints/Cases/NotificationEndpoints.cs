using Bishan.Workflow.Cases.Notifications.ListNotifications;
using Bishan.Workflow.Cases.Notifications.MarkNotificationRead;
using Mediator;

namespace Bishan.Workflow.Web.Endpoints.Cases;

internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", async (IMediator mediator, bool? unreadOnly, int? skip, int? take, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListNotifications(unreadOnly ?? false, skip, take), ct)));
        notifications.MapPost("/{id:long}/read", async (long id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new MarkNotificationRead(id), ct)));
        notifications.MapPost("/read-all", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new MarkNotificationRead(null), ct)));
        return api;
    }
}
