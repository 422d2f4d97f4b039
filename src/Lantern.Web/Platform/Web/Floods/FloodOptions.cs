using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// <c>Lantern:Flood</c>: the proof-of-work challenge that makes each automated submission cost its sender
/// (docs/SECURITY.md, "Floods"). The per-client limits are <c>Lantern:RateLimits</c>.
/// </summary>
public sealed class FloodOptions
{
    public const string Section = "Lantern:Flood";

    /// <summary>
    /// Leading zero bits the SHA-256 of a solution must have: each step doubles the work (16 is about 65,000 hashes on
    /// average: a fraction of a second in a browser, measured in docs/BENCHMARKS.md).
    /// </summary>
    [Range(0, 32)]
    public int Difficulty { get; set; } = 16;

    /// <summary>How long a challenge may be answered after it was issued (the questionnaire's draft lives two hours).</summary>
    [Range(1, 24 * 60)]
    public int ChallengeLifetimeMinutes { get; set; } = 120;

    /// <summary>
    /// The path without JavaScript: the questionnaire accepts a challenge that was not solved once it was issued this
    /// long before the report is sent (a person needs longer than this to answer the questions; a script that posts at
    /// once does not wait). 0 accepts an unsolved challenge at once.
    /// </summary>
    [Range(0, 3600)]
    public int NoScriptWaitSeconds { get; set; } = 20;

    /// <summary>Whether <c>POST /api/v1/reports</c> needs a solved challenge (header <c>Lantern-Proof-Of-Work</c>). Off by default.</summary>
    public bool ApiProofOfWork { get; set; }
}
