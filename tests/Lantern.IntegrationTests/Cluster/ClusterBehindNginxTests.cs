using System.Net;
using Lantern.IntegrationTests.FollowUp;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Cluster;

/// <summary>
/// Several Lantern processes on one PostgreSQL behind nginx, round-robin without stickiness (issue 15): a reporter and a
/// staff member go through their journeys while their requests alternate between three nodes, and one node is killed
/// halfway. Everything a node keeps between requests (drafts, the receipt hand-off, follow-up sessions, staff sign-in,
/// antiforgery tokens) must open on every other node, and nothing may be lost with the killed one.
/// </summary>
public sealed class ClusterBehindNginxTests(PostgresLanternFactory factory) : LanternTestBase<PostgresLanternFactory>(factory)
{
    [Fact]
    public async Task AReporterAndAStaffMember_AlternateBetweenThreeNodes_AndOneNodeDiesOnTheWay()
    {
        var nginx = TestEnvironment.Nginx;
        if (nginx is null)
        {
            Assert.False(TestEnvironment.FullMode, "LANTERN_TEST_FULL=1 but nginx is not installed (LANTERN_TEST_NGINX): the cluster test cannot run.");
            Assert.Skip("nginx is not installed: set LANTERN_TEST_NGINX or install Debian's nginx.");
        }

        // The in-process app made the database, the keys and the data-protection key ring; an analyst is enrolled.
        var analyst = await StaffSessions.CreateAsync(Factory, StaffRoles.Analyst);
        var nodes = new List<LanternNode>();
        NginxProxy? proxy = null;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                nodes.Add(await LanternNode.StartAsync(Factory.DataDirectory, Factory.ConnectionString, Cancellation));
            }

            proxy = await NginxProxy.StartAsync(nginx, nodes, Cancellation);
            var reporterWay = new UpstreamRecorder();
            var staffWay = new UpstreamRecorder();
            var reporter = new FormClient(new HttpClient(reporterWay) { BaseAddress = proxy.Origin });
            var staff = new FormClient(new HttpClient(staffWay) { BaseAddress = proxy.Origin });
            var diagnostics = () => Diagnostics(nodes, proxy, reporterWay, staffWay);

            // The reporter fills in the questionnaire: each step's draft is read back by the next node.
            var page = await reporter.GetAsync("/en/report/victim", Cancellation);
            page = await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
            page = await page.Form("#questionnaire").Check("signs", "fear").Check("minorsInvolved", "no").PressAsync("action", "next", Cancellation);
            while (page.Form("#questionnaire").Value("step") != "review")
            {
                page = await page.Form("#questionnaire").PressAsync("action", "next", Cancellation);
            }

            // Sent on one node, the receipt shown by another (the hand-off cookie opens there), kept on a third.
            var sent = await page.Form("#questionnaire").PressAsync("action", "send", Cancellation);
            Assert.True(sent.Url.AbsolutePath == "/en/report/sent", diagnostics());
            var reference = sent.Document.QuerySelector("#reference")!.TextContent.Trim();
            var receipt = sent.Document.QuerySelector("#receipt")!.TextContent.Trim();
            var done = await sent.Form("main form").Check("saved", "yes").SubmitAsync(Cancellation);
            Assert.True(done.Url.AbsolutePath == "/en/report/done", diagnostics());
            var again = await reporter.GetAsync("/en/report/sent", Cancellation);
            Assert.True(again.Url.AbsolutePath == "/en/", "The kept receipt showed again on another node.\n" + diagnostics());

            // Signed in to follow-up on one node, the thread opens on the next.
            var thread = await FollowUpClient.SignInAsync(reporter, receipt, cancellationToken: Cancellation);
            Assert.True(thread.Url.AbsolutePath == "/en/follow-up/thread", diagnostics());
            Assert.Contains(reference, thread.Html, StringComparison.Ordinal);

            // A node dies in the middle of the visit.
            nodes[1].Kill();

            // The staff member signs in (password and authenticator code) and writes to the reporter.
            var signIn = await staff.GetAsync("/staff/sign-in", Cancellation);
            var home = await signIn.Form("main form")
                .Set("Email", analyst.Email).Set("Password", analyst.Password).Set("Code", analyst.CurrentCode())
                .SubmitAsync(Cancellation);
            Assert.True(home.Url.AbsolutePath == "/staff", diagnostics());
            var inbox = await staff.GetAsync("/staff/inbox?status=all", Cancellation);
            Assert.NotNull(inbox.Document.QuerySelector($"tr[data-reference='{reference}']"));
            var reportPage = await staff.GetAsync($"/staff/reports/{reference}", Cancellation);
            var asked = await reportPage.Form("#reporter-message-form").Set("text", "Are you safe where you are now?").SubmitAsync(Cancellation);
            Assert.True(asked.Document.QuerySelector("#message-sent") is not null, diagnostics());

            // The reporter, still signed in, reads it and answers; the staff member reads the answer.
            thread = await reporter.GetAsync("/en/follow-up/thread", Cancellation);
            Assert.Contains("Are you safe where you are now?", thread.Document.QuerySelector("#messages")!.TextContent, StringComparison.Ordinal);
            var answered = await thread.Form("#message-form").Set("text", "Yes, for tonight.").SubmitAsync(Cancellation);
            Assert.True(answered.Status == HttpStatusCode.OK, diagnostics());
            var read = await staff.GetAsync($"/staff/reports/{reference}", Cancellation);
            Assert.Contains("Yes, for tonight.", read.Document.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);

            // Every hop of both journeys got an answer from Lantern (no 502 from the proxy), from every node, alternating.
            var hops = reporterWay.Hops.Concat(staffWay.Hops).ToList();
            Assert.True(hops.All(h => (int)h.Status < 500 && h.Node != "(none)"), diagnostics());
            Assert.True(hops.Select(h => h.Node).Distinct().Count() == 3, diagnostics());
            var reporterBeforeKill = reporterWay.Hops.TakeWhile(h => h.Path != "/en/follow-up/thread").ToList();
            Assert.True(reporterBeforeKill.Zip(reporterBeforeKill.Skip(1)).All(pair => pair.First.Node != pair.Second.Node), diagnostics());
            var afterKill = staffWay.Hops.Select(h => h.Node).Distinct().ToList();
            Assert.True(afterKill.Count == 2 && !afterKill.Contains(nodes[1].Address), diagnostics());
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }

            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static string Diagnostics(List<LanternNode> nodes, NginxProxy proxy, UpstreamRecorder reporter, UpstreamRecorder staff) =>
        "Reporter's hops:\n" + string.Join('\n', reporter.Hops.Select(h => $"  {h.Node} {(int)h.Status} {h.Path}"))
        + "\nStaff hops:\n" + string.Join('\n', staff.Hops.Select(h => $"  {h.Node} {(int)h.Status} {h.Path}"))
        + "\nnginx:\n" + proxy.ErrorLog
        + string.Concat(nodes.Select(n => $"\nNode {n.Address} ({(n.Running ? "running" : "stopped")}):\n{n.Output}"));
}
