using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Platform.Validation;
using Lantern.Web.Platform.Web;
using Lantern.Web.Reporting.Intake;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Reporting.Api;

/// <summary><c>POST /api/v1/reports</c>: the same content and rules as the questionnaire, for partner apps and the phone line.</summary>
public static class ReportsApi
{
    /// <summary>The largest report body accepted; a bigger one answers 413.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/reports", CreateAsync)
            .WithName("CreateReport")
            .WithTags("Reports")
            .WithSummary("Submit a report")
            .WithDescription("Stores a report encrypted and answers its reference and receipt. Anonymous unless `contact` is given.")
            .Accepts<ReportContent>("application/json")
            .Produces<ReportCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Created<ReportCreated>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        HttpContext context, IntakeLimiter limiter, ReportValidator validator, SubmitReport submit, TextCatalogue texts, LanguageSettings languages, CancellationToken cancellationToken)
    {
        var requestLanguage = languages.Choose(context.Request.Headers.AcceptLanguage);
        if (!context.Request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, texts.Get(requestLanguage, "api.unsupported_media_type"));
        }

        if (!limiter.TryAcquire(context))
        {
            return Problem(StatusCodes.Status429TooManyRequests, texts.Get(requestLanguage, "api.too_many_reports"));
        }

        var body = await JsonBody.ReadAsync<ReportContent>(context.Request, MaxBodyBytes, ReportJson.Options, cancellationToken);
        if (body.TooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, texts.Get(requestLanguage, "api.too_large", MaxBodyBytes / 1024));
        }

        if (body.Value is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [body.ErrorPath ?? "$"] = [texts.Get(requestLanguage, "api.malformed_json")] },
                title: texts.Get(requestLanguage, "api.invalid_title"));
        }

        var content = body.Value;
        var errors = await validator.ValidateAsync(content, cancellationToken);
        var language = languages.IsEnabled(content.Language) ? content.Language! : requestLanguage;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(ToDictionary(errors, texts, language), title: texts.Get(language, "api.invalid_title"));
        }

        var submitted = await submit.ExecuteAsync(content, IntakeSource.Api, cancellationToken);
        return TypedResults.Created((string?)null, new ReportCreated(submitted.Reference, submitted.Receipt.ToString()));
    }

    private static Dictionary<string, string[]> ToDictionary(IEnumerable<FieldError> errors, TextCatalogue texts, string language) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => texts.Get(language, e.MessageKey, e.Arguments)).Distinct().ToArray(), StringComparer.Ordinal);

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
