namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>
/// Endpoint metadata (an attribute on a page model) saying that the endpoint takes files in an HTML form, and how
/// large the whole request may be. <see cref="EncryptedFormReader"/> reads such forms itself.
/// </summary>
public interface IUploadLimit
{
    long MaxRequestBytes(IServiceProvider services);
}
