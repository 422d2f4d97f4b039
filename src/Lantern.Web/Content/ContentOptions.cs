namespace Lantern.Web.Content;

/// <summary><c>Lantern:Content</c>: limits of the material editors add to the library.</summary>
public sealed class ContentOptions
{
    public const string Section = "Lantern:Content";

    /// <summary>The largest file of the resource library (a short video), in megabytes.</summary>
    public int MaxResourceMegabytes { get; set; } = 50;

    public long MaxResourceBytes => MaxResourceMegabytes * 1024L * 1024L;
}
