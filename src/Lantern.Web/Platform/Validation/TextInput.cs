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
            if ((char.IsControl(c) && !(multiline && isLineBreak)) || IsBidiControl(c))
            {
                return false;
            }
        }

        text = text.Trim();
        normalised = text.Length == 0 ? null : text.ReplaceLineEndings("\n");
        return true;
    }

    /// <summary>
    /// Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) can make text read
    /// differently from what it is ("Trojan source"); the marks U+200E/U+200F that right-to-left
    /// keyboards insert stay allowed.
    /// </summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
