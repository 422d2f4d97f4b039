using System.Diagnostics;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>The administration command line run as an operator runs it: the real executable in a child process, on a data directory.</summary>
public static class LanternCommand
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string dataDirectory, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync(dataDirectory, new Dictionary<string, string?>(), cancellationToken, arguments);

    /// <summary>With <paramref name="settings"/> (configuration keys such as <c>Lantern:Retention:NoFurtherActionDays</c>) in its environment.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string dataDirectory, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lantern.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Lantern__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
