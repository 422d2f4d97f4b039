using Lantern.Web.Core.Organisations;

namespace Lantern.Web.Statistics;

/// <summary>The words for the codes counted: form and region names, channels, roles, languages, organisations. A code without a text is shown as itself.</summary>
public sealed class StatisticsLabels(IStringLocalizer<TextCatalogue> t, LanternDbContext db)
{
    private Dictionary<int, string>? _organisations;

    public IStringLocalizer<TextCatalogue> Texts => t;

    public string Form(string code) => Text($"form.{code}", code);

    public string Region(string? code) => code is null or "" or "unknown" ? t["stats.unknown"] : code == "other" ? t["stats.region.other"] : Text($"help.region.{code}", code);

    public string Channel(string code) => Text($"stats.channel.{code}", code);

    public string Role(string code) => Text($"stats.role.{code}", code);

    public string Language(string code)
    {
        if (code == "other")
        {
            return t["stats.language.other"];
        }

        try
        {
            var name = CultureInfo.GetCultureInfo(code).NativeName;
            return string.IsNullOrEmpty(name) ? code : $"{name} ({code})";
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    public string YesNo(bool? value) => value switch
    {
        true => t["stats.yes"],
        false => t["stats.no"],
        null => t["stats.unknown"],
    };

    public string State(string code) => Text($"staff.referrals.state.{code}", code);

    public string Outcome(string? code) => code is null ? t["stats.outcome.none"] : Text($"staff.referrals.outcome.{code}", code);

    public async Task<string> OrganisationAsync(int id, CancellationToken cancellationToken)
    {
        _organisations ??= await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return _organisations.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.InvariantCulture);
    }

    private string Text(string key, string code)
    {
        // The catalogue answers an empty text for a key it has in no language.
        var text = t[key].Value;
        return string.IsNullOrEmpty(text) ? code : text;
    }
}
