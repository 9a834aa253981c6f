using System.Globalization;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Bishan.Workflow.Web.Tests;

/// <summary>A bUnit context with the services the shell's components use: MudBlazor, the real resource files, a test user.</summary>
/// <remarks>
/// MudBlazor registers services that only dispose asynchronously; xunit 2 disposes test classes synchronously, so the
/// context is disposed through <see cref="IAsyncLifetime"/> first (the later synchronous call then finds nothing left).
/// </remarks>
public abstract class UiTestContext : BunitContext, IAsyncLifetime
{
    protected UiTestContext(string cultureName = "zh-CN")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(cultureName);
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Auth = AddAuthorization();
    }

    protected BunitAuthorizationContext Auth { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
