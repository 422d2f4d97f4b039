using System.Text.Json;
using Lantern.Web.FollowUp.Thread;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.FollowUp.Api;

/// <summary>How a message's body is read and refused, the same for the reporter's API and the team's.</summary>
public static class MessageBodies
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The largest body accepted for a message: the longest text even if every character were escaped.</summary>
    public static int MaxMessageBodyBytes(FollowUpOptions options) => (options.MessageMaxLength * 6) + 1024;

    private static BodyLimit MessageLimit(FollowUpOptions options) => new(MaxMessageBodyBytes(options), "followup.api.too_large");

    /// <summary>Reads <c>{"text": ...}</c> with the size limit; answers either the checked text or the refusal to send back.</summary>
    public static async Task<(string? Text, IResult? Refusal)> ReadMessageAsync(
        HttpContext context, FollowUpOptions options, TextCatalogue texts, string language, string errorPrefix, CancellationToken cancellationToken)
    {
        var (body, refusal) = await JsonBody.ReadOrRefuseAsync<MessageRequest>(context, MessageLimit(options), Json, cancellationToken);
        if (body is null)
        {
            return (null, refusal);
        }

        var problem = MessageText.Check(body.Text, options.MessageMaxLength, out var text);
        return problem == MessageProblem.None
            ? (text, null)
            : (null, Invalid(texts.Get(language, errorPrefix + MessageText.Key(problem), options.MessageMaxLength), texts, language));
    }

    public static ValidationProblem Invalid(string message, TextCatalogue texts, string language) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [message] }, title: texts.Get(language, "api.invalid_title"));

    public static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
