using QRCoder;

namespace Lantern.Web.Accounts.SignIn;

/// <summary>The <c>otpauth://</c> address of an authenticator key, drawn as an SVG QR code by Lantern itself (no outside service sees the key).</summary>
public static class AuthenticatorQr
{
    public const string Issuer = "Lantern";

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string Svg(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.Chunk(4).Select(chunk => new string(chunk)));
}
