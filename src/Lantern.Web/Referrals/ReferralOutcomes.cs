namespace Lantern.Web.Referrals;

/// <summary>How a partner closes an accepted referral.</summary>
public static class ReferralOutcomes
{
    public static readonly string[] All = ["support-started", "investigation-opened", "no-contact", "not-trafficking", "handed-on", "other"];
}
