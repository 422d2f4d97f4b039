namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// A text being searched for details. Each finder blanks what it took (or what must not be read as anything, like a
/// date), so a later finder cannot read the same characters again: the digits of a bank account are not a phone.
/// </summary>
public sealed class ScanText(string text)
{
    private readonly char[] _chars = text.ToCharArray();

    public void Mask(int start, int length) => Array.Fill(_chars, ' ', start, length);

    public override string ToString() => new(_chars);
}
