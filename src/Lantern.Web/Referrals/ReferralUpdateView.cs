namespace Lantern.Web.Referrals;

/// <summary>A decrypted partner update as shown to the partner and to the contact point.</summary>
public sealed record ReferralUpdateView(Guid ReferralId, DateTime CreatedAt, string? Author, string Kind, string Text);
