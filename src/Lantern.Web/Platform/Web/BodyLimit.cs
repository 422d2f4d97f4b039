namespace Lantern.Web.Platform.Web;

/// <summary>
/// The largest body an endpoint accepts, and the catalogue key of the message that says so (with the limit in KB as
/// <c>{0}</c>). The JSON reader refuses beyond it; as endpoint metadata (<c>.WithMetadata(limit)</c>) it lets a
/// bodiless 413 (<see cref="ApiStatusCodes"/>) state the limit of the endpoint that refused, not another's.
/// </summary>
public sealed record BodyLimit(int MaxBytes, string MessageKey = BodyLimit.DefaultMessageKey)
{
    public const string DefaultMessageKey = "api.body_too_large";

    public int Kilobytes => MaxBytes / 1024;
}
