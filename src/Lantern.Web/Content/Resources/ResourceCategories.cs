namespace Lantern.Web.Content.Resources;

/// <summary>What a resource is, for its label; the file's type is checked separately (<see cref="ResourceFormats"/>).</summary>
public static class ResourceCategories
{
    public const string Poster = "poster";
    public const string Brochure = "brochure";
    public const string Image = "image";
    public const string Video = "video";

    public static readonly IReadOnlyList<string> All = [Poster, Brochure, Image, Video];
}
