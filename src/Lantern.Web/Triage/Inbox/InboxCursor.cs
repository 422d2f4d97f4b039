using System.Buffers.Text;
using System.Text;

namespace Lantern.Web.Triage.Inbox;

/// <summary>
/// Where a page of the inbox ends: the sort key of its last report (urgency level, time of receipt, id). Opaque to
/// clients (base64url of <c>level|ticks|id</c>); the next page starts strictly after it, so rows arriving or
/// changing meanwhile never make a page repeat or skip the rows around the boundary. Not secret and not signed:
/// a forged cursor only moves the starting point inside what the member may see anyway.
/// </summary>
public readonly record struct InboxCursor(int Level, DateTime ReceivedAt, Guid Id)
{
    /// <summary>Longer than any cursor <see cref="Encode"/> writes; anything longer is refused unread.</summary>
    public const int MaxLength = 96;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Level}|{ReceivedAt.Ticks}|{Id:N}")));

    /// <summary>Reads a cursor; false for anything <see cref="Encode"/> cannot have written.</summary>
    public static bool TryParse(string? text, out InboxCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = decoded.Split('|');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var level)
            || level > UrgencyScorer.HighestLevel
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return false;
        }

        cursor = new InboxCursor(level, new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
