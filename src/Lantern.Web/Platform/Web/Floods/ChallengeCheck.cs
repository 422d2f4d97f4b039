namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// The verdict on a posted challenge, the challenge when it could be read, and, for one not solved yet, how long until
/// it would be accepted without a solution (for <c>Retry-After</c>).
/// </summary>
public sealed record ChallengeCheck(ChallengeVerdict Verdict, Challenge? Challenge, TimeSpan RetryAfter)
{
    /// <summary>Solved, or waited for long enough where waiting is allowed: the challenge may now be spent.</summary>
    public bool Accepted => Verdict is ChallengeVerdict.Solved or ChallengeVerdict.Waited;
}
