namespace Lantern.Web.Detection.Extraction;

/// <summary>One identifying detail in its canonical form (<c>phone</c> / <c>+32470123456</c>): what the API returns.</summary>
public sealed record DetectedEntity(string Kind, string Value);
