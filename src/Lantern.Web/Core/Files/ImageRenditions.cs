using SkiaSharp;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Re-encodes an image from its pixels alone, so nothing of the original's metadata (EXIF with GPS position and
/// camera, XMP, ICC profile, comments, embedded thumbnails) can reach the people who view it. The dimensions are
/// read from the header and checked before any pixel is decoded (a small file can claim a huge image: a
/// decompression bomb); large images are decoded scaled down where the format allows it. The camera's
/// orientation is applied to the pixels, since the tag that carried it is gone.
/// <para>
/// Decoding may hold a whole image's pixels, so at most <see cref="FilesOptions.MaxConcurrentImageDecodes"/>
/// decodes run at once in the process (<see cref="CreateAsync"/> waits for a slot); a burst of large images
/// queues instead of exhausting memory, and an upload that waits longer than
/// <see cref="FilesOptions.ImageDecodeWaitSeconds"/> is refused as <see cref="FileRefusal.Busy"/> (503).
/// </para>
/// </summary>
public sealed class ImageRenditions(IOptions<FilesOptions> options) : IDisposable
{
    private const int JpegQuality = 85;

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentImageDecodes);

    /// <summary>Waits for a decode slot, then makes the rendition.</summary>
    /// <exception cref="FileRefusedException">Too many pixels, not decodable, or no slot in time (busy).</exception>
    public async Task<Rendition> CreateAsync(Stream original, FileType type, CancellationToken cancellationToken)
    {
        using var slot = await EnterAsync(cancellationToken);
        return Create(original, type);
    }

    /// <summary>Takes one decode slot until the result is disposed; refused as busy when none frees up in time.</summary>
    /// <exception cref="FileRefusedException">No slot within <see cref="FilesOptions.ImageDecodeWaitSeconds"/>.</exception>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(options.Value.ImageDecodeWaitSeconds), cancellationToken))
        {
            throw new FileRefusedException(FileRefusal.Busy);
        }

        return new DecodeSlot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    /// <exception cref="FileRefusedException">Too many pixels, or not decodable.</exception>
    private Rendition Create(Stream original, FileType type)
    {
        var limits = options.Value;
        using var stream = new SKManagedStream(original, disposeManagedStream: false);
        using var codec = SKCodec.Create(stream) ?? throw new FileRefusedException(FileRefusal.Image);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > limits.MaxImagePixels)
        {
            throw new FileRefusedException(FileRefusal.Image);
        }

        var scale = Math.Min(1f, limits.RenditionMaxSide / (float)Math.Max(width, height));
        var size = codec.GetScaledDimensions(scale);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new FileRefusedException(FileRefusal.Image);
        }

        using var fitted = Fit(decoded, limits.RenditionMaxSide);
        using var upright = Orient(fitted ?? decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright ?? fitted ?? decoded);
        var png = type == FileTypes.Png;
        using var data = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, JpegQuality)
            ?? throw new FileRefusedException(FileRefusal.Image);
        return new Rendition(png ? FileTypes.Png : FileTypes.Jpeg, data.ToArray());
    }

    /// <summary>Formats that cannot decode scaled (PNG) are scaled after decoding; null when it already fits.</summary>
    private static SKBitmap? Fit(SKBitmap bitmap, int maxSide)
    {
        var longest = Math.Max(bitmap.Width, bitmap.Height);
        if (longest <= maxSide)
        {
            return null;
        }

        var factor = maxSide / (double)longest;
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * factor)), Math.Max(1, (int)(bitmap.Height * factor)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>Draws the pixels the way the camera's orientation tag said to show them; null when already upright.</summary>
    private static SKBitmap? Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return null;
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (bitmap.Height, bitmap.Width) : (bitmap.Width, bitmap.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }

    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
