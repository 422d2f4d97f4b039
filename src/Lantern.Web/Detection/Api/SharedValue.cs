namespace Lantern.Web.Detection.Api;

/// <summary>A shared detail: its kind, and its canonical value when the caller may read both reports (null otherwise).</summary>
public sealed record SharedValue(string Kind, string? Value);
