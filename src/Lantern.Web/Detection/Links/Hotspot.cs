namespace Lantern.Web.Detection.Links;

/// <summary>A detail (by blind index) in <see cref="Reports"/> reports received within a period; references newest first.</summary>
public sealed record Hotspot(string Kind, byte[] Hash, int Reports, bool Unlinked, IReadOnlyList<string> References, string? Value);
