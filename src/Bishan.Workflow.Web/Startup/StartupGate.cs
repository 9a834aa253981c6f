using Bishan.Workflow.Infrastructure.Nodes;
using Bishan.Workflow.Web.Ui;
using Microsoft.Extensions.Localization;

namespace Bishan.Workflow.Web.Startup;

/// <summary>
/// Holds requests that arrive while the node's start-up work still runs (issue 15, start-up). The server starts listening
/// as soon as its pipeline is built, in parallel with the migrations, imports and reconciliation, so a request may come
/// before the database is ready: it waits here and then goes on as usual, the same answer as a moment later. Only the
/// node's own warm-up request passes at once (<see cref="SignInPageWarmer"/>, which starts once the schema exists). If
/// the start-up fails the host stops, and the waiting requests get 503 with a reason in the reader's language.
/// </summary>
internal static class StartupGate
{
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<NodeReadiness>();
        var warmer = app.ApplicationServices.GetRequiredService<SignInPageWarmer>();
        return app.Use(async (context, next) =>
        {
            var ready = readiness.WhenReady;
            if (!ready.IsCompletedSuccessfully && !warmer.IsWarmUp(context.Request))
            {
                await ready.WaitAsync(context.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (context.RequestAborted.IsCancellationRequested) return;
                if (!ready.IsCompletedSuccessfully)
                {
                    await NotStartedAsync(context);
                    return;
                }
            }
            await next(context);
        });
    }

    private static async Task NotStartedAsync(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text.Or("Error.NodeNotStarted", "This server did not finish starting; please try again shortly"),
            },
        });
    }
}
