using Lantern.Web.Platform.Web.Uploads;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Marks a page whose form carries files. <see cref="EncryptedFormReader"/> then reads its form itself (uploads
/// encrypted while the request lasts) and lets it carry the largest file <c>Lantern:Files</c> allows plus room
/// for the other fields, and no more: the server stops reading a larger request instead of receiving it whole.
/// The store still counts each file.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FileUploadLimitAttribute : Attribute, IUploadLimit
{
    public long MaxRequestBytes(IServiceProvider services)
    {
        var limits = services.GetRequiredService<IOptions<FilesOptions>>().Value;
        return Math.Max(limits.MaxFileBytes, limits.MaxReportBytes) + (1024 * 1024);
    }
}
