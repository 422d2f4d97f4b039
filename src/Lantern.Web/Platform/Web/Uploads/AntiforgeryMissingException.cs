namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>A file part came before a valid antiforgery token: refused (400) before the file is read.</summary>
internal sealed class AntiforgeryMissingException : Exception
{
}
