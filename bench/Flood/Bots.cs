using System.Net;
using System.Text;

namespace Lantern.Bench.Flood;

/// <summary>The three ways the bots submit, each a third of them.</summary>
internal enum BotKind
{
    /// <summary><c>POST /api/v1/reports</c> at once, without the proof of work.</summary>
    ApiWithoutWork,

    /// <summary>A challenge from <c>GET /api/v1/challenge</c>, solved, then the report with its proof.</summary>
    ApiWithWork,

    /// <summary>The questionnaire's steps posted at machine speed, then "send" without solving (a script without JavaScript).</summary>
    FormAtOnce,
}

/// <summary>
/// Bots submitting as fast as they can, each spread over four of the addresses 127.0.0.2 to 127.0.0.250. The solving
/// bots share one core for their work (one <see cref="SemaphoreSlim"/>): on this machine the attacker's CPU is also
/// Lantern's, and a real botnet's is not.
/// </summary>
internal sealed class Bots(Uri server) : IDisposable
{
    private const string Report = """{"role":"witness","language":"en","signs":["fear"],"description":"Bot report: cheap pills, click here."}""";

    private readonly SemaphoreSlim _attackerCore = new(1);
    private readonly long[] _submissions = new long[3];
    private readonly long[] _accepted = new long[3];
    private long _errors;

    public long Submissions(BotKind kind) => Interlocked.Read(ref _submissions[(int)kind]);

    public long Accepted(BotKind kind) => Interlocked.Read(ref _accepted[(int)kind]);

    public long Errors => Interlocked.Read(ref _errors);

    public void Dispose() => _attackerCore.Dispose();

    public Task RunAsync(int count, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(bot => Task.Run(() => BotAsync(bot, count, stop), CancellationToken.None)));

    private async Task BotAsync(int bot, int count, CancellationToken stop)
    {
        var kind = (BotKind)(bot % 3);
        var clients = Enumerable.Range(0, 4).Select(k => Loopback.From(Loopback.Bot(bot + k * count), server)).ToArray();
        try
        {
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var http = clients[round % clients.Length];
                Interlocked.Increment(ref _submissions[(int)kind]);
                try
                {
                    if (await SubmitAsync(kind, http, stop))
                    {
                        Interlocked.Increment(ref _accepted[(int)kind]);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Cut off by the end of the run: not a submission.
                    Interlocked.Decrement(ref _submissions[(int)kind]);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // A refused connection or a timeout is a refusal too; counted apart to show whether any happened.
                    Interlocked.Increment(ref _errors);
                }
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private async Task<bool> SubmitAsync(BotKind kind, HttpClient http, CancellationToken stop)
    {
        switch (kind)
        {
            case BotKind.ApiWithoutWork:
                return await PostReportAsync(http, proof: null, stop);
            case BotKind.ApiWithWork:
                using (var response = await http.GetAsync(new Uri("/api/v1/challenge", UriKind.Relative), stop))
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        return false;
                    }

                    using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop));
                    var challenge = body.RootElement.GetProperty("challenge").GetString()!;
                    var difficulty = body.RootElement.GetProperty("difficulty").GetInt32();
                    await _attackerCore.WaitAsync(stop);
                    string counter;
                    try
                    {
                        counter = Solver.Solve(challenge, difficulty);
                    }
                    finally
                    {
                        _attackerCore.Release();
                    }

                    return await PostReportAsync(http, challenge + ":" + counter, stop);
                }

            default:
                var review = await Questionnaire.ReachReviewAsync(http, () => Task.CompletedTask, stop);
                return review.Step == "review" && Questionnaire.Sent(await Questionnaire.PostAsync(http, review, "send", [], stop));
        }
    }

    private static async Task<bool> PostReportAsync(HttpClient http, string? proof, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = new StringContent(Report, Encoding.UTF8, "application/json") };
        if (proof is not null)
        {
            request.Headers.TryAddWithoutValidation("Lantern-Proof-Of-Work", proof);
        }

        using var response = await http.SendAsync(request, stop);
        return response.StatusCode == HttpStatusCode.Created;
    }
}
