using System.Globalization;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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

    /// <summary>
    /// Finds and clicks an element on the renderer's own thread, and waits for the handler. MudBlazor re-renders popovers
    /// in the background; a click found on a stale render, or fired and forgotten, would race the assertions after it.
    /// </summary>
    protected static Task ClickAsync<T>(IRenderedComponent<T> host, string selector, int index = 0)
        where T : IComponent =>
        host.InvokeAsync(() => host.FindAll(selector)[index].ClickAsync(new MouseEventArgs()));

    /// <summary>Finds an input and types a value into it on the renderer's own thread, waiting for the handler.</summary>
    protected static Task InputAsync<T>(IRenderedComponent<T> host, string selector, string value)
        where T : IComponent =>
        host.InvokeAsync(() => host.Find(selector).InputAsync(new ChangeEventArgs { Value = value }));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
