using System.Collections.Concurrent;
using System.Diagnostics;

namespace Lantern.Bench.Flood;

/// <summary>
/// People sending reports during the flood, each from an address of their own, at a person's pace: a pause before every
/// step. Half have JavaScript (the page solves the challenge while they read the summary; done here by <see cref="Solver"/>
/// before the pause on the summary), half have not (their challenge, issued on the first step, is accepted once
/// <c>wait</c> has passed: they take that long anyway, or wait on the summary until it has). What is timed is the
/// send: the post and the receipt page it leads to.
/// </summary>
internal sealed class People(Uri server, TimeSpan pause, TimeSpan noScriptWait)
{
    private int _next;

    public ConcurrentBag<double> SendMilliseconds { get; } = [];

    public ConcurrentBag<string> Refusals { get; } = [];

    public int WithScript;

    public int WithoutScript;

    public async Task RunAsync(int concurrent, bool record, CancellationToken stop)
    {
        await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref _next);
                await OneAsync(index, javaScript: index % 2 == 0, record);
            }
        }, CancellationToken.None)));
    }

    private async Task OneAsync(int index, bool javaScript, bool record)
    {
        // A person's report is never cut off by the end of the run: only starting a new one stops.
        using var http = Loopback.From(Loopback.Person(index), server);
        var started = Stopwatch.StartNew();
        try
        {
            var review = await Questionnaire.ReachReviewAsync(http, () => Task.Delay(Jitter(pause)), CancellationToken.None);
            if (review.Step != "review")
            {
                Refuse(record, $"step {review.Step} answered {(int)review.Status}");
                return;
            }

            var answers = new List<(string, string)>();
            if (javaScript)
            {
                answers.Add(("proof", Solver.Solve(review.Challenge, review.Difficulty)));
            }

            await Task.Delay(Jitter(pause));
            if (!javaScript && started.Elapsed < noScriptWait + TimeSpan.FromSeconds(1))
            {
                // Read the summary a little longer: the whole questionnaire takes a person longer than the wait.
                await Task.Delay(noScriptWait + TimeSpan.FromSeconds(1) - started.Elapsed);
            }

            var send = Stopwatch.StartNew();
            var sent = await Questionnaire.PostAsync(http, review, "send", [.. answers], CancellationToken.None);
            send.Stop();
            if (!Questionnaire.Sent(sent))
            {
                Refuse(record, $"send answered {(int)sent.Status} at {sent.Url?.AbsolutePath}");
                return;
            }

            if (record)
            {
                SendMilliseconds.Add(send.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref javaScript ? ref WithScript : ref WithoutScript);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Refuse(record, exception.GetType().Name);
        }
    }

    private void Refuse(bool record, string why)
    {
        if (record)
        {
            Refusals.Add(why);
        }
    }

    private static TimeSpan Jitter(TimeSpan pause) => pause * (0.5 + Random.Shared.NextDouble());
}
