namespace Lantern.Web.Core.Reports.KeyRotation;

/// <summary>How many reports are sealed to one staff key, and that key's state in this process.</summary>
public sealed record StaffKeyUse(string KeyId, int Reports, bool Current, bool Retired, bool PrivateKeyHere);
