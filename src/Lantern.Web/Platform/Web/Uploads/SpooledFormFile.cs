namespace Lantern.Web.Platform.Web.Uploads;

/// <summary>An uploaded file as model binding and page handlers see it, backed by an encrypted <see cref="UploadSpool"/>.</summary>
internal sealed class SpooledFormFile(UploadSpool spool, string name, string fileName, IHeaderDictionary headers) : IFormFile
{
    public string ContentType => Headers.ContentType.ToString();

    public string ContentDisposition => Headers.ContentDisposition.ToString();

    public IHeaderDictionary Headers { get; } = headers;

    public long Length => spool.Length;

    public string Name { get; } = name;

    public string FileName { get; } = fileName;

    public Stream OpenReadStream() => spool.OpenRead();

    public void CopyTo(Stream target)
    {
        using var source = OpenReadStream();
        source.CopyTo(target);
    }

    public async Task CopyToAsync(Stream target, CancellationToken cancellationToken = default)
    {
        await using var source = OpenReadStream();
        await source.CopyToAsync(target, cancellationToken);
    }
}
