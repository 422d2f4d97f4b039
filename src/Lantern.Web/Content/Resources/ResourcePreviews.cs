using SkiaSharp;

namespace Lantern.Web.Content.Resources;

/// <summary>
/// The small picture beside a resource in the library: drawn once when it is added, from a rendition already stripped
/// of metadata and bounded in size, so the list page stays light and nothing of the original reaches visitors.
/// </summary>
public static class ResourcePreviews
{
    public const int Width = 320;

    private const int JpegQuality = 80;

    /// <summary>The preview of <paramref name="rendition"/> (an image's bytes) as a JPEG, with its width and height.</summary>
    public static (byte[] Jpeg, int Width, int Height)? Draw(byte[] rendition)
    {
        using var bitmap = SKBitmap.Decode(rendition);
        if (bitmap is null || bitmap.Width <= 0 || bitmap.Height <= 0)
        {
            return null;
        }

        var factor = Math.Min(1d, Width / (double)bitmap.Width);
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * factor)), Math.Max(1, (int)(bitmap.Height * factor)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var scaled = bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var surface = SKSurface.Create(info);

        // JPEG has no transparency: a transparent poster is drawn on white, not on black.
        surface.Canvas.Clear(SKColors.White);
        using (var drawn = SKImage.FromBitmap(scaled ?? bitmap))
        {
            surface.Canvas.DrawImage(drawn, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data is null ? null : (data.ToArray(), info.Width, info.Height);
    }
}
