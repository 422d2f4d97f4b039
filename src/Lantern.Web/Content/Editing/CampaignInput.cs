using Lantern.Web.Content.Articles;
using Lantern.Web.Content.Campaigns;
using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Content.Editing;

/// <summary>The campaign form: dates as the date field sends them (<c>yyyy-MM-dd</c>), a banner text per language.</summary>
public sealed class CampaignInput
{
    /// <summary>The longest a campaign may run: a banner left on for years would stop being noticed.</summary>
    public const int MaxDays = 366;

    public string? Name { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? ArticleSlug { get; set; }

    public Dictionary<string, string?> Banners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every problem of the form; <paramref name="languages"/> are those a banner may be written in.</summary>
    public IReadOnlyList<FieldError> Validate(IReadOnlyCollection<string> languages, out CampaignValues values)
    {
        var errors = new List<FieldError>();
        var name = TextFields.Check(nameof(Name), Name, Campaign.MaxNameLength, errors);

        var starts = Date(nameof(StartsOn), StartsOn, errors);
        var ends = Date(nameof(EndsOn), EndsOn, errors);
        if (starts is { } from && ends is { } to && (to < from || to.DayNumber - from.DayNumber >= MaxDays))
        {
            errors.Add(new FieldError(nameof(EndsOn), "staff.campaigns.error.period", MaxDays));
        }

        string? slug = null;
        if (!string.IsNullOrWhiteSpace(ArticleSlug) && (slug = ArticleSlugs.Normalise(ArticleSlug)) is null)
        {
            errors.Add(new FieldError(nameof(ArticleSlug), "staff.content.error.slug"));
        }

        var banners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in Banners.Where(b => languages.Contains(b.Key)))
        {
            var banner = TextFields.Check("banner-" + language, text, CampaignBanner.MaxTextLength, errors, required: false);
            if (banner is { Length: <= CampaignBanner.MaxTextLength })
            {
                banners[language] = banner;
            }
        }

        if (banners.Count == 0 && !errors.Any(e => e.Field.StartsWith("banner-", StringComparison.Ordinal)))
        {
            errors.Add(new FieldError("banners", "staff.campaigns.error.banner"));
        }

        values = new CampaignValues(name ?? string.Empty, starts ?? default, ends ?? default, slug, banners);
        return errors;
    }

    public static CampaignInput From(Campaign campaign, IEnumerable<CampaignBanner> banners) => new()
    {
        Name = campaign.Name,
        StartsOn = campaign.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndsOn = campaign.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ArticleSlug = campaign.ArticleSlug,
        Banners = banners.ToDictionary(b => b.Language, b => (string?)b.Text, StringComparer.Ordinal),
    };

    private static DateOnly? Date(string field, string? value, List<FieldError> errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(field, "staff.campaigns.error.date"));
        return null;
    }
}
