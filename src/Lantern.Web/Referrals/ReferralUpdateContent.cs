namespace Lantern.Web.Referrals;

/// <summary>
/// What a partner wrote on a referral, stored encrypted as a <c>ReferralUpdate</c> report item: an update,
/// the reason for declining, or a note with the outcome.
/// </summary>
public sealed record ReferralUpdateContent(string Kind, string Text)
{
    public const string Update = "update";
    public const string Decline = "decline";
    public const string Close = "close";
}

/// <summary>A decrypted partner update as shown to the partner and to the contact point.</summary>
public sealed record ReferralUpdateView(Guid ReferralId, DateTime CreatedAt, string? Author, string Kind, string Text);
