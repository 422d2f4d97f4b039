using Lantern.BrowserTests.Infrastructure;
using Lantern.Web.Platform.Web.Floods;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.BrowserTests.Journeys;

/// <summary>
/// The proof of work in a real browser (docs/SECURITY.md, "Floods"): on the summary, pow.js finds the solution of the
/// page's challenge in the background and puts it in the form, and the report is sent with it; pressing "send" before
/// the solution is found waits for it and sends. The time the solver took is written to the test output (no assertion
/// on it: speed belongs to docs/BENCHMARKS.md, where the chosen difficulty is argued).
/// </summary>
public sealed class FloodJourneyTests(LanternBrowser lantern)
{
    [Fact]
    public async Task OnTheSummary_TheSolverFillsInTheProof_AndTheReportIsSentWithIt()
    {
        await using var session = await lantern.OpenAsync(javaScript: true, "en");
        var visitor = new Visitor(lantern, session, "en");
        await ReachSummaryAsync(visitor, "The solver journey");

        var proof = visitor.Page.Locator("#proof");
        await visitor.Page.WaitForFunctionAsync("() => document.getElementById('proof').value !== ''", null, new() { Timeout = 30_000 });
        var challenge = await visitor.Page.Locator("input[name=challenge]").InputValueAsync();
        var answer = await proof.InputValueAsync();
        var proofOfWork = lantern.Server.Services.GetRequiredService<ProofOfWork>();
        var difficulty = proofOfWork.Read(challenge)!.Difficulty;
        Assert.True(ProofOfWork.IsSolution(challenge, answer, difficulty), $"pow.js answered {answer}, which does not solve {challenge} at {difficulty} bits.");
        TestContext.Current.SendDiagnosticMessage($"pow.js solved a challenge of {difficulty} bits (counter {answer}) in {await proof.GetAttributeAsync("data-ms")} ms");

        var (reference, _) = await visitor.SendAndConfirmAsync();
        Assert.Equal("witness", (await lantern.Server.FindReportAsync(reference)).Role);
    }

    [Fact]
    public async Task PressingSendAtOnce_WaitsForTheSolution_AndSends()
    {
        await using var session = await lantern.OpenAsync(javaScript: true, "en");
        var visitor = new Visitor(lantern, session, "en");
        await ReachSummaryAsync(visitor, "Sent before the solver was done");

        // No wait for the proof: the click comes as soon as the page is there.
        var (reference, _) = await visitor.SendAndConfirmAsync();
        Assert.Equal("witness", (await lantern.Server.FindReportAsync(reference)).Role);
    }

    private static async Task ReachSummaryAsync(Visitor visitor, string description)
    {
        var page = visitor.Page;
        await page.GotoAsync("/en/report/witness");
        await page.Locator("#immediateDanger-no").CheckAsync();
        await visitor.GoAsync(visitor.Button("next"), "step.what.title.witness");
        await page.Locator("#form-labour").CheckAsync();
        await page.Locator("#minorsInvolved-no").CheckAsync();
        for (var i = 0; i < 10 && await page.Locator("#proof").CountAsync() == 0; i++)
        {
            if (await page.Locator("#description").CountAsync() > 0)
            {
                await page.Locator("#description").FillAsync(description);
            }

            var response = await visitor.Session.ClickAndLoadAsync(visitor.Button("next"));
            Assert.Equal(200, response.Status);
        }

        await visitor.AssertPageAsync("step.review.title");
    }
}
