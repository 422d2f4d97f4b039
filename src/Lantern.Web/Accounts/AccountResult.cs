namespace Lantern.Web.Accounts;

/// <summary>The outcome of an account operation: a value, or a message for the operator.</summary>
public sealed record AccountResult<T>(T? Value, string? Error);

internal static class AccountResult
{
    public static AccountResult<T> Ok<T>(T value) => new(value, null);

    public static AccountResult<T> Fail<T>(string error) => new(default, error);
}
