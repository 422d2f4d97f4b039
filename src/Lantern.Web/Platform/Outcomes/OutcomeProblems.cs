namespace Lantern.Web.Platform.Outcomes;

/// <summary>
/// The one way an API answers a refused <see cref="Outcome"/>: localised problem details with the outcome's status
/// (404, 403, 400 or 409); an invalid field answers a validation problem naming it.
/// </summary>
public static class OutcomeProblems
{
    public static IResult ToProblem(this Outcome outcome, TextCatalogue texts, string language)
    {
        var arguments = outcome.Arguments.ToArray();
        return outcome.Kind switch
        {
            OutcomeKind.Done => throw new ArgumentException("A done outcome is not a problem.", nameof(outcome)),
            OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, texts.Get(language, "api.status.404")),
            OutcomeKind.Forbidden => Problem(StatusCodes.Status403Forbidden, texts.Get(language, "api.status.403")),
            OutcomeKind.Invalid when outcome.Field is { } field => TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [texts.Get(language, outcome.MessageKey!, arguments)] },
                title: texts.Get(language, "api.invalid_title")),
            _ => Problem(outcome.StatusCode, texts.Get(language, outcome.MessageKey!, arguments)),
        };
    }

    public static IResult ToProblem<T>(this Outcome<T> outcome, TextCatalogue texts, string language) => outcome.Result.ToProblem(texts, language);

    /// <summary>Localised problem details with a status and a title: what every refusal of the API looks like.</summary>
    public static IResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
