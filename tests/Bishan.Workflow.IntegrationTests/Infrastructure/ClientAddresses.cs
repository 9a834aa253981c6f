using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Bishan.Workflow.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no network, so no client address: this sets one, as a real connection would.
/// A request with <see cref="Header"/> comes from that address (the throttling facts play an attacker and a victim on
/// two addresses); any other request comes from an address of its own, so the sign-ins of the rest of the suite do not
/// add up against one address.
/// </summary>
internal sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var value)
                ? IPAddress.Parse(value.ToString())
                : new IPAddress([127, (byte)RandomNumberGenerator.GetInt32(1, 255), (byte)RandomNumberGenerator.GetInt32(256), (byte)RandomNumberGenerator.GetInt32(1, 255)]);
            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A random address in 10/8 for one fact's client.</summary>
    public static string NewAddress() =>
        $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";
}
