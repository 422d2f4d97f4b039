using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Web;

/// <summary>
/// A keyed hash of the client address, under a key that rotates every ten minutes; the address itself is never kept.
/// The rotation follows the application's clock (<see cref="TimeProvider"/>), as every other time in Lantern does: a
/// test that holds its clock still is never crossed by a rotation (which restarts every client's counts), and one that
/// moves it past ten minutes sees what production sees then. One per application (a singleton), so hosts with clocks
/// of their own do not turn each other's keys.
/// </summary>
internal sealed class ClientKey(TimeProvider clock)
{
    private static readonly long _rotationTicks = TimeSpan.FromMinutes(10).Ticks;
    private (byte[] Key, long Epoch) _current = (RandomNumberGenerator.GetBytes(32), long.MinValue);

    /// <summary>The client key of the request's address, under the application's current key.</summary>
    public static string Of(HttpContext context) =>
        (context.RequestServices?.GetService<ClientKey>() ?? Fallback).For(context.Connection.RemoteIpAddress?.ToString() ?? "local");

    /// <summary>For a context without the application's services (none in Lantern's pipeline): real time.</summary>
    private static ClientKey Fallback { get; } = new(TimeProvider.System);

    private string For(string address)
    {
        var epoch = clock.GetUtcNow().UtcTicks / _rotationTicks;
        var current = _current;
        if (current.Epoch != epoch)
        {
            current = (RandomNumberGenerator.GetBytes(32), epoch);
            _current = current;
        }

        return Convert.ToBase64String(HMACSHA256.HashData(current.Key, Encoding.ASCII.GetBytes(address)).AsSpan(0, 12));
    }
}
