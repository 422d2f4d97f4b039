using Lantern.Web.Platform.Validation;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.Floods;
using Lantern.Web.Reporting.Intake;

namespace Lantern.Web.Reporting.Api;

/// <summary><c>POST /api/v1/reports</c>: the same content and rules as the questionnaire, for partner apps and the phone line.</summary>
public static class ReportsApi
{
    /// <summary>The largest report body accepted; a bigger one answers 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The limit and its message ("the report is too large: at most 64 KB"), for the reader and a bodiless 413.</summary>
    private static readonly BodyLimit _limit = new(MaxBodyBytes, "api.too_large");

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/reports", CreateAsync)
            .WithName("CreateReport")
            .WithTags("Reports")
            .WithSummary("Submit a report")
            .WithDescription(
                "Stores a report encrypted and answers its reference and receipt. Anonymous unless `contact` is given. When the server " +
                "requires a proof of work (`Lantern:Flood:ApiProofOfWork`), send a solved challenge of `GET /api/v1/challenge` in the " +
                "header `Lantern-Proof-Of-Work: challenge:counter`; without one the answer is 400 with `challenge` and `header` saying how. " +
                "Too many reports from one client in a minute answer 429; so many reports being stored at once that even the line " +
                "to be stored is full answer 503: both with `Retry-After`, nothing stored, to be sent again as it was.")
            .Accepts<ReportContent>("application/json")
            .Produces<ReportCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(_limit)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        IntakeLimiter limiter,
        IntakeWriteGate writeGate,
        ProofOfWork proofOfWork,
        SpentChallenges spentChallenges,
        ReportValidator validator,
        SubmitReport submit,
        TextCatalogue texts,
        LanguageSettings languages,
        RequestLanguage requestLanguage,
        CancellationToken cancellationToken)
    {
        // Not JSON is refused before the client's reports are counted.
        if (JsonBody.NotJson(context) is { } unsupported)
        {
            return unsupported;
        }

        // When required, the proof of work comes before everything else that costs: a flood without it is refused for
        // one HMAC and one hash, and is not counted against the client's reports.
        var proof = proofOfWork.Options.ApiProofOfWork ? ChallengeApi.Judge(context, proofOfWork) : null;
        if (proof is { Accepted: false })
        {
            return ChallengeApi.Refusal(proof, texts, requestLanguage.Code);
        }

        if (!limiter.TryAcquire(context, out var retryAfter))
        {
            RetryAfter.Set(context.Response, retryAfter);
            return OutcomeProblems.Problem(StatusCodes.Status429TooManyRequests, texts.Get(requestLanguage.Code, "api.too_many_reports"));
        }

        var (content, refusal) = await JsonBody.ReadOrRefuseAsync<ReportContent>(context, _limit, ReportJson.Options, cancellationToken);
        if (content is null)
        {
            return refusal!;
        }

        var errors = await validator.ValidateAsync(content, cancellationToken);
        var language = languages.IsEnabled(content.Language) ? content.Language! : requestLanguage.Code;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(ToDictionary(errors, texts, language), title: texts.Get(language, "api.invalid_title"));
        }

        // The global bound (docs/SECURITY.md, "Floods"): a place among the reports being stored, waited for in line and
        // held until this one is; before the proof is spent, so a client refused because the line is full sends again with it.
        using var place = await writeGate.EnterAsync(cancellationToken);
        if (place is null)
        {
            limiter.GiveBack(context);
            RetryAfter.Set(context.Response, IntakeWriteGate.RetryAfter);
            return OutcomeProblems.Problem(StatusCodes.Status503ServiceUnavailable, texts.Get(language, "api.busy"));
        }

        // Spent once valid content is known, so a client that only got a field wrong sends again with the same proof.
        if (proof is not null && !await spentChallenges.TrySpendAsync(proof.Challenge!, cancellationToken))
        {
            return ChallengeApi.Refusal(proof with { Verdict = ChallengeVerdict.Spent }, texts, language);
        }

        var submitted = await submit.ExecuteAsync(content, IntakeSource.Api, cancellationToken);
        return TypedResults.Created((string?)null, new ReportCreated(submitted.Reference, submitted.Receipt.ToString()));
    }

    private static Dictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors, TextCatalogue texts, string language) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => texts.Get(language, e.MessageKey, e.Arguments)).Distinct().ToArray(), StringComparer.Ordinal);
}
