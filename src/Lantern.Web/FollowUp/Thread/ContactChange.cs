using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.FollowUp.Thread;

/// <summary>The plaintext of an <see cref="ItemKind.Contact"/> item: only what happened, never the details.</summary>
public sealed record ContactChange(string Action);
