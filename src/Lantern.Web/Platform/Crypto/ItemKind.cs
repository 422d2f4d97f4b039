namespace Lantern.Web.Platform.Crypto;

/// <summary>What an encrypted item is. Bound into the associated data so items cannot be swapped.</summary>
public enum ItemKind
{
    Answers = 1,
    Message = 2,
    Note = 3,
    FileChunk = 4,
    FileName = 5,
    Contact = 6,
    ReferralUpdate = 7,
}
