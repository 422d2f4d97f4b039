using System.Net;
using System.Net.Sockets;

namespace Lantern.Bench.Flood;

/// <summary>
/// HTTP clients whose connections leave from a chosen loopback address (Linux routes all of 127.0.0.0/8 to lo): with
/// no proxy in between, Lantern sees each address as another client, as it would see the machines of a botnet.
/// </summary>
internal static class Loopback
{
    public static HttpClient From(IPAddress source, Uri server, bool followRedirects = true)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = followRedirects,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>127.0.0.2 to 127.0.0.250: the bots' addresses.</summary>
    public static IPAddress Bot(int index) => new([127, 0, 0, (byte)(2 + index % 249)]);

    /// <summary>127.0.1.1 to 127.0.1.250: one address per person (a person sends one report, from their own phone).</summary>
    public static IPAddress Person(int index) => new([127, 0, 1, (byte)(1 + index % 250)]);
}
