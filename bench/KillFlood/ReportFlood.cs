using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// N clients sending reports back to back until told to stop. Every 201 is recorded (in this process's memory only);
/// a request that ends without an answer (connection reset, timeout: the server was killed under it) is counted as
/// cut, a connection refused (the server not back yet) apart, an answer other than 201 by its status. Neither was ever acknowledged, so neither is owed. An answer other than
/// 201 while no kill is under way (<see cref="Disturbed"/> false) is a fault of its own: nothing excuses it.
/// </summary>
internal sealed class ReportFlood
{
    private readonly HttpClient _http;
    private readonly Uri _reports;
    private readonly string _run = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();
    private readonly ConcurrentDictionary<HttpStatusCode, int> _refused = new();
    private readonly ConcurrentDictionary<HttpStatusCode, int> _unexpected = new();
    private readonly List<Task> _clients = [];
    private readonly Stopwatch _clock = new();
    private volatile bool _stopping;
    private volatile bool _disturbed;
    private long _sent;
    private long _cut;
    private long _cutUndisturbed;
    private long _notListening;

    public ReportFlood(HttpClient http, Uri baseAddress)
    {
        _http = http;
        _reports = new Uri(baseAddress, "/api/v1/reports");
    }

    public IReadOnlyCollection<Acknowledgement> Acknowledged => _acknowledged;

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Requests sent that got no answer: the server died under them.</summary>
    public long Cut => Interlocked.Read(ref _cut);

    /// <summary>Connections refused while the server was down: those requests never reached it.</summary>
    public long NotListening => Interlocked.Read(ref _notListening);

    /// <summary>Requests that got no answer while nothing was being killed (timeouts on a busy machine).</summary>
    public long CutUndisturbed => Interlocked.Read(ref _cutUndisturbed);

    /// <summary>Answers other than 201 while a kill was under way (the database going away under the server).</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> Refused => _refused;

    /// <summary>Answers other than 201 while nothing was being killed: wrong, whatever they are.</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> Unexpected => _unexpected;

    /// <summary>Set from a kill until the restarted server is ready.</summary>
    public bool Disturbed { get => _disturbed; set => _disturbed = value; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Start(int clients)
    {
        _clock.Start();
        for (var i = 0; i < clients; i++)
        {
            _clients.Add(Task.Run(ClientAsync));
        }
    }

    /// <summary>Lets every request in flight finish (its 201 counts), then stops.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_clients);
        _clock.Stop();
    }

    private async Task ClientAsync()
    {
        while (!_stopping)
        {
            var marker = $"kf-{_run}-{Interlocked.Increment(ref _sent):D7}";
            using var content = new ByteArrayContent(ReportBody.Create(marker));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, _reports) { Content = content };
            request.Headers.AcceptLanguage.ParseAdd("en");
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var response = await _http.SendAsync(request, timeout.Token);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                    using var json = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token);
                    _acknowledged.Enqueue(new Acknowledgement(json.RootElement.GetProperty("reference").GetString()!, marker));
                }
                else
                {
                    (Disturbed ? _refused : _unexpected).AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                    await Task.Delay(50);
                }
            }
            catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError && IsRefused(exception))
            {
                // Nobody listening: the server is down and the request never reached it.
                Interlocked.Increment(ref _notListening);
                await Task.Delay(100);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server went away under the request (or is not back yet): no answer, no promise.
                Interlocked.Increment(ref _cut);
                if (!Disturbed)
                {
                    Interlocked.Increment(ref _cutUndisturbed);
                }

                await Task.Delay(50);
            }
        }
    }

    private static bool IsRefused(HttpRequestException exception) =>
        exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
}
