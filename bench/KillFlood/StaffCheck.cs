using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// Whether staff can read every acknowledged report, as staff would: an Analyst account and a personal access token made
/// with the <c>users</c> commands (docs/OPERATIONS.md), then <c>GET /api/v1/reports/{reference}</c> for each reference
/// (docs/API.md: the report decrypted with the staff private key, audited). A report is readable when that answers 200
/// and the decrypted account carries the marker this report was sent with.
/// </summary>
internal sealed class StaffCheck(HttpClient http, LanternServer lantern)
{
    private const string Email = "killflood@bench.invalid";

    public async Task<StaffCheckResult> RunAsync(string token, IReadOnlyCollection<Acknowledgement> acknowledged, int concurrency)
    {
        var missing = 0;
        var wrongContent = 0;
        var readable = 0;
        var failures = new ConcurrentDictionary<HttpStatusCode, int>();
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (ack, cancellationToken) =>
        {
            var (status, body) = await ReadAsync(token, ack.Reference, cancellationToken);
            if (status == HttpStatusCode.OK && body.Contains(ack.Marker, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref readable);
            }
            else if (status == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref wrongContent);
            }
            else if (status == HttpStatusCode.NotFound)
            {
                Interlocked.Increment(ref missing);
            }
            else
            {
                failures.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        });
        return new StaffCheckResult(readable, missing, wrongContent, failures);
    }

    /// <summary>The account and its token, made with the commands an operator runs (each a process of its own).</summary>
    public async Task<string> TokenAsync()
    {
        var added = await lantern.CommandAsync("users", "add", "--email", Email, "--role", "Analyst");
        if (added.ExitCode != 0)
        {
            throw new InvalidOperationException($"users add failed ({added.ExitCode}); see Lantern's log.");
        }

        var created = await lantern.CommandAsync("users", "token", "--email", Email, "--name", "kill-flood check");
        var token = created.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("lnt_", StringComparison.Ordinal));
        return token ?? throw new InvalidOperationException($"users token printed no token (exit {created.ExitCode}); see Lantern's log.");
    }

    /// <summary>One report; a failure to get any answer is retried (the check is not the place to lose one).</summary>
    private async Task<(HttpStatusCode Status, string Body)> ReadAsync(string token, string reference, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(lantern.BaseAddress, $"/api/v1/reports/{Uri.EscapeDataString(reference)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode < 500 || attempt == 3)
                {
                    return (response.StatusCode, body);
                }
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                // Try again below.
            }

            await Task.Delay(500 * attempt, cancellationToken);
        }
    }
}
