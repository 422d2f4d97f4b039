namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>The <c>Lantern:Uploads</c> section (docs/CONFIGURATION.md).</summary>
public sealed class UploadOptions
{
    public const string Section = "Lantern:Uploads";

    /// <summary>
    /// Where uploads are held, encrypted, while their request lasts. Empty: <c>ASPNETCORE_TEMP</c> if set, else the
    /// system's temporary directory.
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>
    /// File forms (questionnaire, thread, staff attach and message) one client may have in progress at once; beyond
    /// it: 429. Bounds the spool room one client can take (each form up to <c>MaxReportMegabytes</c> + 1 MiB).
    /// </summary>
    public int ConcurrentFormsPerClient { get; set; } = 4;

    public string Directory => string.IsNullOrWhiteSpace(SpoolDirectory)
        ? Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is { Length: > 0 } temp ? temp : Path.GetTempPath()
        : SpoolDirectory;
}
