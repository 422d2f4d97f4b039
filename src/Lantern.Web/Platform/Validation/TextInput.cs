using System.Globalization;
using System.Text;

namespace Lantern.Web.Platform.Validation;

/// <summary>Normalises free text the way SECURITY.md asks: NFC, trimmed, control characters refused.</summary>
public static class TextInput
{
    /// <summary>Returns false when the text holds control characters (other than line breaks and tabs in multi-line text) or invalid Unicode.</summary>
    public static bool TryNormalise(string? input, bool multiline, out string? normalised)
    {
        normalised = null;
        if (input is null)
        {
            return true;
        }

        string text;
        try
        {
            text = input.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Unpaired surrogates and other invalid code points.
            return false;
        }

        foreach (var c in text)
        {
            var isLineBreak = c is '\n' or '\r' or '\t';
            if ((char.IsControl(c) && !(multiline && isLineBreak)) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c is '\u202E' or '\u202D')
            {
                return false;
            }
        }

        text = text.Trim();
        normalised = text.Length == 0 ? null : text.ReplaceLineEndings("\n");
        return true;
    }
}
