namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>An upload beyond the request's limit.</summary>
public sealed class UploadTooLargeException : Exception
{
    public UploadTooLargeException()
        : base("The upload is larger than this form accepts.")
    {
    }
}
