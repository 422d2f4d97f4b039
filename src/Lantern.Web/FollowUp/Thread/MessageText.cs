using Lantern.Web.Platform.Validation;

namespace Lantern.Web.FollowUp.Thread;

/// <summary>The rules for a message on either side: NFC, trimmed, no control characters but line breaks, not empty, not too long.</summary>
public static class MessageText
{
    public static MessageProblem Check(string? input, int maxLength, out string text)
    {
        text = string.Empty;

        // A text far beyond the limit is refused before the work of normalising it.
        if (input is { Length: > 0 } && input.Length > maxLength * 4)
        {
            return MessageProblem.TooLong;
        }

        if (!TextInput.TryNormalise(input, multiline: true, out var normalised))
        {
            return MessageProblem.Characters;
        }

        if (normalised is null)
        {
            return MessageProblem.Empty;
        }

        if (normalised.Length > maxLength)
        {
            return MessageProblem.TooLong;
        }

        text = normalised;
        return MessageProblem.None;
    }

    public static string Key(MessageProblem problem) => problem switch
    {
        MessageProblem.Empty => "empty",
        MessageProblem.TooLong => "too_long",
        _ => "characters",
    };
}
