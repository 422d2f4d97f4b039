namespace Lantern.Web.Content.Resources;

/// <summary>A file's size as people read it: "340 KB", "12.5 MB", with the page language's digits and decimal mark.</summary>
public static class ByteSizes
{
    public static string Format(IStringLocalizer texts, long bytes) =>
        bytes < 1024 * 1024
            ? texts["resources.size.kb", Math.Max(1, (bytes + 1023) / 1024).ToString("N0", CultureInfo.CurrentCulture)]
            : texts["resources.size.mb", (bytes / (1024d * 1024d)).ToString("N1", CultureInfo.CurrentCulture)];
}
