namespace Lantern.Web.Platform.Localisation;

/// <summary><c>Lantern:Languages</c>.</summary>
public sealed class LanguageOptions
{
    public const string Section = "Lantern:Languages";

    /// <summary>Languages offered on the public site, in the order of the language switcher.</summary>
    public List<string> Enabled { get; set; } = [];

    /// <summary>The language used when the browser asks for none of the enabled ones.</summary>
    public string Default { get; set; } = "en";
}
