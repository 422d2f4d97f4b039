using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;

namespace Lantern.IntegrationTests.Platform;

/// <summary>
/// Files sent through HTML forms on a real Kestrel server (whose default request limit is 1 MiB): a phone-sized
/// file goes through, held only in the encrypted spool while its request lasts.
/// </summary>
public sealed class EncryptedUploadOverKestrelTests(KestrelLanternFactory factory) : LanternTestBase<KestrelLanternFactory>(factory)
{
    [Fact]
    public async Task AThreeMegabyteFile_ThroughTheAttachForm_IsStored_AndWasHeldOnlyInTheSpoolWhileTheRequestLasted()
    {
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, client) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        Assert.Equal(Factory.Address.Authority, client.Client.BaseAddress!.Authority);
        var page = await client.GetAsync("/staff/reports/" + report.Reference, Cancellation);
        Directory.CreateDirectory(Factory.SpoolDirectory);
        var created = new ConcurrentBag<string>();
        using var watcher = new FileSystemWatcher(Factory.SpoolDirectory) { EnableRaisingEvents = true };
        watcher.Created += (_, e) => created.Add(e.Name!);

        var stored = await page.Form("#file-form").Attach("file", "statement.pdf", TestFiles.LargePdf(3 * 1024 * 1024)).SubmitAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Contains("statement.pdf", stored.Document.QuerySelector("#files table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(created, name => name.StartsWith("lantern-upload-", StringComparison.Ordinal));
        await SpoolAssert.EmptiedAsync(Factory.SpoolDirectory);
    }
}

/// <summary>Form bodies that cannot be read answer 400 or 413 with the localised error page, never a 500.</summary>
public sealed class EncryptedUploadRefusalTests(SqliteLanternFactory factory) : LanternTestBase<SqliteLanternFactory>(factory)
{
    [Fact]
    public async Task AMalformedMultipartBody_Answers400()
    {
        using var client = CreateBrowserClient();
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("this is not multipart at all"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=lantern-test-boundary");

        using var response = await client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), content, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(body.Contains("could not be read", StringComparison.Ordinal), body[body.IndexOf("<main", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task AFormWithMoreFilesThanAnyoneSends_Answers400_AndLeavesNothing()
    {
        using var client = CreateBrowserClient();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("review"), "step");
        for (var i = 0; i <= Lantern.Web.Platform.Web.Uploads.EncryptedFormReader.MaxFiles; i++)
        {
            form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "files", $"f{i}.pdf");
        }

        using var response = await client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), form, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await SpoolAssert.EmptiedAsync(Factory.SpoolDirectory);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8-not-a-real-antiforgery-token")]
    public async Task AFileBeforeAValidAntiforgeryToken_Answers400_AndNothingOfItIsSpooled(string? token)
    {
        using var client = CreateBrowserClient();
        await client.GetAsync(new Uri("/en/report/witness", UriKind.Relative), Cancellation);
        Directory.CreateDirectory(Factory.SpoolDirectory);
        var created = new ConcurrentBag<string>();
        using var watcher = new FileSystemWatcher(Factory.SpoolDirectory) { EnableRaisingEvents = true };
        watcher.Created += (_, e) => created.Add(e.Name!);
        using var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__af");
        }

        form.Add(new StringContent("review"), "step");
        form.Add(new ByteArrayContent(TestFiles.LargePdf(5 * 1024 * 1024)), "files", "big.pdf");

        using var response = await client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), form, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await SpoolAssert.EmptiedAsync(Factory.SpoolDirectory);
        Assert.Empty(created);
    }

    [Fact]
    public async Task ABodyBeyondTheLimit_Answers413_BeforeItIsRead()
    {
        using var client = CreateBrowserClient();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("review"), "step");
        form.Add(new ByteArrayContent(TestFiles.LargePdf(52 * 1024 * 1024)), "files", "big.pdf");

        using var response = await client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), form, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Too much was sent", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        await SpoolAssert.EmptiedAsync(Factory.SpoolDirectory);
    }
}

/// <summary>The spool folder holds nothing once the request is over (the client may see the answer a moment before the request ends).</summary>
internal static class SpoolAssert
{
    public static async Task EmptiedAsync(string directory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Directory.Exists(directory) && Directory.GetFiles(directory).Length > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Upload spools left in " + directory + ": " + string.Join(", ", Directory.GetFiles(directory)));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>
/// One client holds at most <c>Lantern:Uploads:ConcurrentFormsPerClient</c> file forms in progress (default 4): the
/// next answers 429 before its body is read, and a form that ends gives its place back. Over a real socket, so that a
/// slow upload is in progress on the server while the test goes on.
/// </summary>
public sealed class FileFormsPerClientTests(KestrelLanternFactory factory) : LanternTestBase<KestrelLanternFactory>(factory)
{
    private const string Boundary = "lantern-slow-boundary";

    [Fact]
    public async Task BeyondTheFormsAClientMayHoldAtOnce_TheNextAnswers429_UntilOneEnds()
    {
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = Factory.Address };
        var page = await client.GetStringAsync(new Uri("/en/report/witness", UriKind.Relative), Cancellation);
        var token = Regex.Match(page, "name=\"__af\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the questionnaire carries an antiforgery token");
        Directory.CreateDirectory(Factory.SpoolDirectory);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new List<Task<HttpResponseMessage>>();
        try
        {
            // Four genuine forms uploading a file slowly. The server counts a form before it reads it, and spools a file
            // only once the form's token is checked: four spool files say the four forms are counted and in progress.
            for (var i = 0; i < 4; i++)
            {
                held.Add(client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), new SlowUpload(token, release.Task), Cancellation));
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Directory.GetFiles(Factory.SpoolDirectory).Length < 4)
            {
                Assert.True(DateTime.UtcNow < deadline, "the four slow uploads never reached the server");
                Assert.DoesNotContain(held, h => h.IsCompleted);
                await Task.Delay(20, Cancellation);
            }

            using var fifth = await client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), CompleteForm(token), Cancellation);
            Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
            Assert.DoesNotContain(held, h => h.IsCompleted);
        }
        finally
        {
            release.SetResult();
        }

        foreach (var response in await Task.WhenAll(held))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
            response.Dispose();
        }

        // Every slow upload has ended: the client may send again.
        using var after = await client.PostAsync(new Uri("/en/report/witness", UriKind.Relative), CompleteForm(token), Cancellation);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, after.StatusCode);
        Assert.True((int)after.StatusCode < 500, after.StatusCode.ToString());
        await SpoolAssert.EmptiedAsync(Factory.SpoolDirectory);
    }

    private static string Field(string name, string value) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";

    private static ByteArrayContent CompleteForm(string token)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Field("__af", token) + Field("step", "review") + $"--{Boundary}--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        return content;
    }

    /// <summary>
    /// A form whose file arrives 100 bytes every 100 ms until the test releases it: a slow phone upload. (Kestrel resets
    /// a body that sends under 240 bytes/s after a 5 s grace, so it must keep sending, not stall.)
    /// </summary>
    private sealed class SlowUpload : HttpContent
    {
        private readonly string _token;
        private readonly Task _release;

        public SlowUpload(string token, Task release)
        {
            _token = token;
            _release = release;
            Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                Field("__af", _token) + Field("step", "review")
                + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"slow.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n"));
            var trickle = new byte[100];
            Array.Fill(trickle, (byte)' ');
            while (!_release.IsCompleted)
            {
                await stream.WriteAsync(trickle);
                await stream.FlushAsync();
                await Task.WhenAny(_release, Task.Delay(100));
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\n%%EOF\n\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
