using System.Diagnostics;
using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using Lantern.IntegrationTests.Cluster;

namespace Lantern.IntegrationTests.Hosting;

/// <summary>
/// What the operator runs (docs/OPERATIONS.md): the published folder, Production configuration, started from another
/// working directory than its own, as a service manager does. It must read its own settings and serve its own style
/// sheets and scripts (the escape button's among them), and stop cleanly on SIGTERM: the test hosts, started from the
/// project, cannot show any of this.
/// </summary>
public sealed class PublishedBuildTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePublishedBuild_StartedFromElsewhere_ServesItsPages_WithItsSettings_AndStopsCleanly()
    {
        var published = Directory.CreateTempSubdirectory("lantern-published-");
        var elsewhere = Directory.CreateTempSubdirectory("lantern-elsewhere-");
        try
        {
            await PublishAsync(published.FullName);
            await using var node = await LanternNode.StartPublishedAsync(published.FullName, elsewhere.FullName, Cancellation);
            using var http = new HttpClient { BaseAddress = new Uri($"http://{node.Address}") };

            var home = await http.GetStringAsync(new Uri("/en/", UriKind.Relative), Cancellation);
            var page = new HtmlParser().ParseDocument(home);
            var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
                .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
                .OfType<string>()
                .ToList();
            Assert.Contains(assets, a => a.Contains(".css", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains(".js", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var response = await http.GetAsync(new Uri(asset, UriKind.Relative), Cancellation);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}:\n{node.Output}");
            }

            var exitCode = await node.StopAsync(Cancellation);
            var output = node.Output;
            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
            Assert.DoesNotContain("WebRootPath was not found", output, StringComparison.Ordinal);

            // appsettings.json was read: Production logs EF Core's commands and each request only as warnings.
            Assert.DoesNotContain("Microsoft.EntityFrameworkCore.Database.Command", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        }
        finally
        {
            published.Delete(recursive: true);
            elsewhere.Delete(recursive: true);
        }
    }

    /// <summary><c>dotnet publish</c> of the Lantern the tests were built with (no build: the test run built it).</summary>
    private static async Task PublishAsync(string output)
    {
        var configuration = typeof(PublishedBuildTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(RepositoryRoot(), "src", "Lantern.Web", "Lantern.Web.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "--no-build", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync(Cancellation);
        var stderr = publish.StandardError.ReadToEndAsync(Cancellation);
        await publish.WaitForExitAsync(Cancellation);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lantern.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Lantern.slnx not found above " + AppContext.BaseDirectory);
    }
}
