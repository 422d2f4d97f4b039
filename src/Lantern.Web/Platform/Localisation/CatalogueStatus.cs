namespace Lantern.Web.Platform.Localisation;

/// <summary>
/// Per language: what is missing (and would fall back to English), what is not yet reviewed by a native speaker, and
/// whether the site offers it. The default set of 24, the configured languages and any language with a catalogue.
/// </summary>
public sealed class CatalogueStatus(TextCatalogue catalogue, LanguageSettings languages, IOptions<LanguageOptions> options)
{
    public IReadOnlyList<LanguageStatus> All()
    {
        var configured = options.Value.Enabled.Count > 0 ? options.Value.Enabled.Select(l => l.Trim().ToLowerInvariant()).ToList() : [.. LanguageSettings.DefaultEnabled];
        return LanguageSettings.DefaultEnabled
            .Concat(configured)
            .Concat(catalogue.Languages.Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Select(language => new LanguageStatus(
                language,
                languages.IsEnabled(language),
                configured.Contains(language),
                catalogue.PublicKeys.Count,
                catalogue.MissingPublicKeys(language).ToList(),
                catalogue.Unreviewed(language).Order(StringComparer.Ordinal).ToList(),
                languages.BackOffice.Contains(language)))
            .ToList();
    }
}
