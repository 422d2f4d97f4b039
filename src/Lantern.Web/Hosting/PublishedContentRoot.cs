namespace Lantern.Web.Hosting;

/// <summary>
/// Where a published Lantern finds its <c>appsettings.json</c> and <c>wwwroot</c>. ASP.NET Core takes the working
/// directory as the content root, so <c>dotnet /opt/lantern/Lantern.Web.dll</c> started from anywhere else (a service
/// manager's default, an operator's home) would run without its settings (log levels, defaults) and serve no style
/// sheet and no script: not the escape button's, not the proof of work's. A published folder holds both next to the
/// assembly, so that folder is the content root, unless one was asked for (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>). <c>dotnet run</c> and the test hosts have no
/// <c>wwwroot</c> beside the assembly (their static files come from the project) and keep the framework's choice.
/// </summary>
public static class PublishedContentRoot
{
    public static string? Find(string[] args)
    {
        var asked = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var folder = AppContext.BaseDirectory;
        var published = Directory.Exists(Path.Combine(folder, "wwwroot")) && File.Exists(Path.Combine(folder, "appsettings.json"));
        return !asked && published ? folder : null;
    }
}
