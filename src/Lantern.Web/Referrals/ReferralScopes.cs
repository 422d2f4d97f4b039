namespace Lantern.Web.Referrals;

/// <summary>What a referral lets the partner read.</summary>
public static class ReferralScopes
{
    public const string Full = "full";
    public const string WithoutContact = "without-contact";

    public static readonly string[] All = [Full, WithoutContact];
}
