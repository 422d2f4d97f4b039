using System.Security.Cryptography;
using Lantern.Web.FollowUp.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.TestSupport;

/// <summary>Asks the running app whether a follow-up session id still opens its report, as a request would.</summary>
public static class ReporterSessionProbe
{
    public static async Task<bool> OpensAsync(IServiceProvider services, string id, ReporterSessionKind kind)
    {
        await using var scope = services.CreateAsyncScope();
        var access = await scope.ServiceProvider.GetRequiredService<ReporterSessions>().UseAsync(id, kind, CancellationToken.None);
        if (access is null)
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(access.DataKey);
        return true;
    }
}
