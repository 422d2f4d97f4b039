namespace Lantern.Web.Platform.Crypto;

/// <summary>What one receipt derivation yields: the stored verifier and the reporter's wrapping key.</summary>
public sealed record ReceiptKeys(byte[] Verifier, byte[] WrappingKey);
