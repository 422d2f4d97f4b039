using System.Text;
using Lantern.Web.Content.Resources;
using Lantern.Web.Core.Files;

namespace Lantern.Web.Content.Editing;

/// <summary>
/// Adds a resource to the library, or takes one out; both audited. What reaches the public carries nothing of its maker:
/// an image is stored as its rendition (pixels only), a PDF without its document information and XMP; a video is stored
/// as given (docs/CONTENT.md asks editors to export it clean). The file is written chunk by chunk and shown only once
/// whole; whatever fails on the way removes what was written.
/// </summary>
public sealed class ResourceUploader(LanternDbContext db, AuditTrail audit, ImageRenditions renditions, TimeProvider clock)
{
    private const int HeadBytes = 4096;

    /// <summary>Stores a resource whose fields <see cref="ResourceInput.Validate"/> accepted, and answers its id.</summary>
    public async Task<Outcome<Guid>> AddAsync(StaffMember member, ResourceInput input, CancellationToken cancellationToken)
    {
        var format = await SniffAsync(input.File!, cancellationToken);
        if (format is null)
        {
            return Outcome.InvalidField(nameof(ResourceInput.File), "staff.resources.error.type");
        }

        byte[]? content = null;
        (byte[] Jpeg, int Width, int Height)? preview;
        string contentType = format.ContentType, extension = format.Extension;
        try
        {
            if (format.IsImage)
            {
                await using var original = input.File!.OpenReadStream();
                var rendition = await renditions.CreateAsync(original, new FileType(format.ContentType, format.Extension, IsImage: true), cancellationToken);
                (content, contentType, extension) = (rendition.Content, rendition.Type.ContentType, rendition.Type.Extension);
                preview = ResourcePreviews.Draw(rendition.Content);
            }
            else
            {
                if (format == ResourceFormats.Pdf)
                {
                    await using var original = input.File!.OpenReadStream();
                    content = MetadataCleaner.Clean(original, FileTypes.Pdf);
                    if (content is null)
                    {
                        return Outcome.InvalidField(nameof(ResourceInput.File), "staff.resources.error.pdf");
                    }
                }

                if (input.Preview is not { Length: > 0 } previewFile || FileTypes.Sniff(await HeadAsync(previewFile, cancellationToken)) is not { IsImage: true } previewType)
                {
                    return Outcome.InvalidField(nameof(ResourceInput.Preview), "staff.resources.error.preview");
                }

                await using var picture = previewFile.OpenReadStream();
                preview = ResourcePreviews.Draw((await renditions.CreateAsync(picture, previewType, cancellationToken)).Content);
            }
        }
        catch (FileRefusedException)
        {
            return Outcome.InvalidField(format.IsImage ? nameof(ResourceInput.File) : nameof(ResourceInput.Preview), "staff.resources.error.image");
        }

        if (preview is not { } drawn)
        {
            return Outcome.InvalidField(format.IsImage ? nameof(ResourceInput.File) : nameof(ResourceInput.Preview), "staff.resources.error.image");
        }

        var resource = new Resource
        {
            Id = Guid.CreateVersion7(),
            Title = input.Title!,
            Description = input.Description,
            Language = input.Language!,
            Category = input.Category!,
            FileName = FileNameOf(input.Title!, input.Category!, extension),
            ContentType = contentType,
            Preview = drawn.Jpeg,
            PreviewWidth = drawn.Width,
            PreviewHeight = drawn.Height,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var stream = content is null ? input.File!.OpenReadStream() : new MemoryStream(content, writable: false);
        await StoreAsync(resource, stream, cancellationToken);
        await audit.RecordAsync(db, member.Actor, "resource.added", resource.Id.ToString(),
            FormattableString.Invariant($"language={resource.Language} category={resource.Category} bytes={resource.Length}"));
        return Outcome.Done(resource.Id);
    }

    public async Task<Outcome> DeleteAsync(StaffMember member, Guid id, CancellationToken cancellationToken)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resource is null)
        {
            return Outcome.NotFound();
        }

        db.Resources.Remove(resource);
        await audit.RecordAsync(db, member.Actor, "resource.deleted", id.ToString(), FormattableString.Invariant($"downloads={resource.Downloads}"));
        return Outcome.Done();
    }

    /// <summary>
    /// Writes the row (incomplete), then one chunk at a time with the tracker emptied after each (a video is never held
    /// whole), then marks it complete. On any failure, cancellation included, the rows go again.
    /// </summary>
    private async Task StoreAsync(Resource resource, Stream content, CancellationToken cancellationToken)
    {
        db.Resources.Add(resource);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        try
        {
            var buffer = new byte[Resource.ChunkBytes];
            var index = 0;
            long length = 0;
            int read;
            while ((read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                db.ResourceChunks.Add(new ResourceChunk { ResourceId = resource.Id, Index = index++, Data = buffer[..read] });
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                length += read;
            }

            resource.Length = length;
            resource.Complete = true;
            db.Resources.Attach(resource);
            db.Entry(resource).Property(r => r.Length).IsModified = true;
            db.Entry(resource).Property(r => r.Complete).IsModified = true;
        }
        catch
        {
            db.ChangeTracker.Clear();
            await db.Resources.Where(r => r.Id == resource.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    private static async Task<ResourceFormat?> SniffAsync(IFormFile file, CancellationToken cancellationToken) =>
        ResourceFormats.Sniff(await HeadAsync(file, cancellationToken));

    private static async Task<byte[]> HeadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        var head = new byte[HeadBytes];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return head[..read];
    }

    /// <summary>An ASCII name made of the title's Latin letters and digits (a title in another script gives the category).</summary>
    internal static string FileNameOf(string title, string category, string extension)
    {
        var name = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var stem = name.ToString().Trim('-');
        stem = stem.Length > 60 ? stem[..60].TrimEnd('-') : stem;
        return (stem.Length == 0 ? category : stem) + extension;
    }
}
