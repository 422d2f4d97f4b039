using Lantern.Web.Platform.Web.Uploads;

namespace Lantern.Web.Content.Editing;

/// <summary>
/// Marks the library's upload form: the encrypted form reader lets it carry the largest resource
/// (<see cref="ContentOptions.MaxResourceMegabytes"/>), a preview image and the fields, and no more.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResourceUploadLimitAttribute : Attribute, IUploadLimit
{
    public long MaxRequestBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ContentOptions>>().Value.MaxResourceBytes + (16 * 1024 * 1024);
}
