using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>The in-memory test server has no socket: give every request the address a real visitor would have.</summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= LanternFactory.ClientAddress;
            return nextMiddleware(context);
        });
        next(app);
    };
}
