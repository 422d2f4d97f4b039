namespace Lantern.Web.Core.Files;

/// <summary>A file opened for a staff member: the plaintext stream (the caller disposes it), its type and name.</summary>
public sealed record StaffFileContent(Stream Content, string ContentType, string Name, bool Inline);
