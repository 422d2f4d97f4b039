namespace Lantern.Web.Audit;

/// <summary>
/// The head of the chain at one moment: an entry's sequence and (keyed) hash, and when it was written.
/// Kept outside Lantern, it shows later whether the trail was cut short (the entry is gone) or rewritten
/// up to it (the entry's hash changed). Written <c>sequence:hash-in-hex</c>, followed by the time.
/// </summary>
public sealed record AuditAnchor(long Sequence, byte[] Hash, DateTime At)
{
    public string Value => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Convert.ToHexStringLower(Hash)}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value} {At:yyyy-MM-ddTHH:mm:ss.ffffffZ}");

    /// <summary>Reads <c>sequence:hash</c>, optionally followed by the time as <see cref="ToString"/> writes it (which is not checked).</summary>
    public static AuditAnchor? Parse(string? text)
    {
        var token = text?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var parts = token?.Split(':');
        if (parts is not [var sequenceText, var hashText]
            || !long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
            || hashText.Length != 64)
        {
            return null;
        }

        try
        {
            return new AuditAnchor(sequence, Convert.FromHexString(hashText), default);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
