using Bishan.Workflow.Engine.Descriptors;

namespace Bishan.Workflow.Web.Endpoints;

internal static class DescriptorEndpoints
{
    public static RouteGroupBuilder MapDescriptorEndpoints(this RouteGroupBuilder api)
    {
        // Any signed-in user: the designer and task forms of non-administrators read them too.
        api.MapGet("/descriptors/activities", (ActivityRegistry registry) =>
                TypedResults.Ok(registry.Descriptors.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal).ToList()))
            .WithTags("Descriptors")
            .RequireAuthorization();
        return api;
    }
}
