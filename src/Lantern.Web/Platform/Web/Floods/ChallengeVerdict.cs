namespace Lantern.Web.Platform.Web.Floods;

/// <summary>What a posted challenge and answer are worth (<see cref="ProofOfWork.Judge"/>).</summary>
public enum ChallengeVerdict
{
    /// <summary>The answer solves the challenge.</summary>
    Solved,

    /// <summary>Not solved, but issued long enough ago to be accepted without JavaScript (<see cref="FloodOptions.NoScriptWaitSeconds"/>).</summary>
    Waited,

    /// <summary>No challenge was sent.</summary>
    Missing,

    /// <summary>Not a challenge this server (or its cluster) issued: malformed, altered, or under another key.</summary>
    Forged,

    /// <summary>Issued too long ago (<see cref="FloodOptions.ChallengeLifetimeMinutes"/>), or dated in the future.</summary>
    Expired,

    /// <summary>No answer, or a wrong one, and not waited for long enough.</summary>
    NotSolved,

    /// <summary>Already used for a submission (<see cref="SpentChallenges"/>).</summary>
    Spent,
}
