namespace Lantern.Web.Platform.Web.Floods;

/// <summary>
/// <c>GET /api/v1/challenge</c>, and how an API endpoint that requires a proof of work reads and refuses one: the
/// solution comes in the header <see cref="ProofOfWork.Header"/> as <c>challenge:counter</c>.
/// </summary>
public static class ChallengeApi
{
    public const string Path = "/api/v1/challenge";

    public static IEndpointRouteBuilder MapChallengeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (ProofOfWork proofOfWork) =>
            {
                var challenge = proofOfWork.Issue();
                return TypedResults.Ok(new IssuedChallenge(challenge.Token, challenge.Difficulty, proofOfWork.ExpiresAt(challenge), ProofOfWork.Header));
            })
            .WithName("GetChallenge")
            .WithTags("Floods")
            .WithSummary("Get a proof-of-work challenge")
            .WithDescription(
                "A challenge for `POST /api/v1/reports` when the server requires a proof of work (`Lantern:Flood:ApiProofOfWork`): find a " +
                "counter such that SHA-256 of the challenge's characters followed by the counter in decimal digits starts with `difficulty` " +
                "zero bits, and send `Lantern-Proof-Of-Work: challenge:counter`. Each challenge is accepted once, until `expiresAt`.")
            .Produces<IssuedChallenge>();
        return endpoints;
    }

    /// <summary>Judges the request's <see cref="ProofOfWork.Header"/> (never the path without JavaScript: an API client solves).</summary>
    public static ChallengeCheck Judge(HttpContext context, ProofOfWork proofOfWork)
    {
        var value = context.Request.Headers[ProofOfWork.Header].ToString().Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? proofOfWork.Judge(value.Length == 0 ? null : value, null, acceptWaited: false)
            : proofOfWork.Judge(value[..colon], value[(colon + 1)..], acceptWaited: false);
    }

    /// <summary>
    /// The localised 400 for a proof that is missing or wrong (how to get one) or used up (get a new one), with the
    /// address of a challenge and the header's name for a client to act on.
    /// </summary>
    public static IResult Refusal(ChallengeCheck check, TextCatalogue texts, string language)
    {
        var key = check.Verdict is ChallengeVerdict.Expired or ChallengeVerdict.Spent ? "api.proof_used" : "api.proof_required";
        return TypedResults.Problem(
            title: texts.Get(language, key, ProofOfWork.Header),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["challenge"] = Path,
                ["header"] = ProofOfWork.Header,
            });
    }
}
