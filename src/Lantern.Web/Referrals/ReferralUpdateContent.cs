namespace Lantern.Web.Referrals;

/// <summary>
/// What was written on a referral, stored encrypted as a <c>ReferralUpdate</c> report item: the partner's update,
/// reason for declining or note with the outcome, or the contact point's reason for withdrawing it.
/// </summary>
public sealed record ReferralUpdateContent(string Kind, string Text)
{
    public const string Update = "update";
    public const string Decline = "decline";
    public const string Close = "close";
    public const string Withdraw = "withdraw";
}
