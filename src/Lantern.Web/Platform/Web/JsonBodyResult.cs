namespace Lantern.Web.Platform.Web;

/// <summary>The outcome of reading a JSON body: a value, or why there is none.</summary>
public sealed record JsonBodyResult<T>(T? Value, bool TooLarge, string? ErrorPath);
