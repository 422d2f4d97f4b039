using System.Text;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Makes a sender's file name safe to keep and to offer back: Unicode normalised (NFC), only the last path
/// segment, no control or path characters, at most <see cref="MaxLength"/> characters, and ending in the
/// extension of the type found in the content (a "photo.jpg" that is a PDF is offered as "photo.jpg.pdf").
/// </summary>
public static class FileNames
{
    public const int MaxLength = 120;

    private static readonly char[] _forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    private static readonly Dictionary<string, string[]> _aliases = new(StringComparer.Ordinal)
    {
        [".jpg"] = [".jpg", ".jpeg", ".jpe"],
        [".ogg"] = [".ogg", ".oga", ".opus"],
        [".m4a"] = [".m4a", ".mp4", ".aac", ".m4b"],
    };

    public static string Normalise(string? name, FileType type)
    {
        var text = (name ?? string.Empty).Normalize(NormalizationForm.FormC);
        var last = text.Split('/', '\\').LastOrDefault() ?? string.Empty;
        var builder = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator || (rune.IsBmp && _forbidden.Contains((char)rune.Value)))
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        var stem = builder.ToString().Trim().Trim('.').Trim();
        var extensions = _aliases.GetValueOrDefault(type.Extension) ?? [type.Extension];
        if (!extensions.Any(e => stem.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            stem = (stem.Length == 0 ? "file" : stem) + type.Extension;
        }

        if (stem.Length > MaxLength)
        {
            var extension = Path.GetExtension(stem);
            var keep = new StringInfo(stem[..^extension.Length]);
            var room = MaxLength - extension.Length;
            stem = (keep.LengthInTextElements > room ? keep.SubstringByTextElements(0, room) : keep.String) + extension;
            while (stem.Length > MaxLength)
            {
                // Text elements can be several chars long: drop whole ones until it fits.
                var info = new StringInfo(stem[..^extension.Length]);
                stem = info.SubstringByTextElements(0, info.LengthInTextElements - 1) + extension;
            }
        }

        return stem;
    }
}
