using System.Security.Cryptography;
using System.Text;

namespace Lantern.Web.Platform.Web;

/// <summary>A keyed hash of the client address, under a key that rotates; the address itself is never kept.</summary>
internal static class ClientKey
{
    private static readonly TimeSpan _rotation = TimeSpan.FromMinutes(10);
    private static (byte[] Key, long Epoch) _current = (RandomNumberGenerator.GetBytes(32), 0);

    public static string Of(HttpContext context)
    {
        var epoch = Environment.TickCount64 / (long)_rotation.TotalMilliseconds;
        var current = _current;
        if (current.Epoch != epoch)
        {
            current = (RandomNumberGenerator.GetBytes(32), epoch);
            _current = current;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "local";
        return Convert.ToBase64String(HMACSHA256.HashData(current.Key, Encoding.ASCII.GetBytes(address)).AsSpan(0, 12));
    }
}
