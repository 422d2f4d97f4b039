namespace Lantern.Web.Platform.Localisation;

public sealed class CatalogueStringLocalizerFactory(TextCatalogue catalogue) : IStringLocalizerFactory
{
    private readonly CatalogueStringLocalizer _localizer = new(catalogue);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
