namespace Lantern.Web.Statistics.Figures;

/// <summary>What is overdue at this moment, whatever the period: reports not acknowledged or without a personal reply in time, referrals the partner has not acknowledged in time.</summary>
public sealed record OverdueNow(long Acknowledgement, long FirstReply, long ReferralAcknowledgement);
