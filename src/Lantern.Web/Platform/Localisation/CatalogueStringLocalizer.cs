namespace Lantern.Web.Platform.Localisation;

/// <summary>.NET's <see cref="IStringLocalizer"/> over the JSON catalogues, in the current UI culture.</summary>
public sealed class CatalogueStringLocalizer(TextCatalogue catalogue) : IStringLocalizer
{
    public LocalizedString this[string name] => Localise(name, []);

    public LocalizedString this[string name, params object[] arguments] => Localise(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalogue.Entries(Language).Select(entry => new LocalizedString(entry.Key, entry.Value));

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private LocalizedString Localise(string name, object[] arguments)
    {
        var found = catalogue.TryGet(Language, name, out _);
        return new LocalizedString(name, catalogue.Get(Language, name, arguments), resourceNotFound: !found);
    }
}
