using Lantern.Web.Content.Campaigns;
using Lantern.Web.Platform.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;

namespace Lantern.Web.Content.Editing;

/// <summary>Creates, changes and deletes campaigns; audited by the campaign's id, and the home page rendered afresh.</summary>
public sealed class CampaignEditor(LanternDbContext db, AuditTrail audit, TimeProvider clock, IOutputCacheStore pages)
{
    /// <summary>Saves <paramref name="values"/> as campaign <paramref name="id"/> (a new one when <c>null</c>) and answers its id.</summary>
    public async Task<Outcome<Guid>> SaveAsync(StaffMember member, Guid? id, CampaignValues values, CancellationToken cancellationToken)
    {
        Campaign? campaign;
        if (id is { } existing)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == existing, cancellationToken);
            if (campaign is null)
            {
                return Outcome.NotFound();
            }

            db.CampaignBanners.RemoveRange(await db.CampaignBanners.Where(b => b.CampaignId == existing).ToListAsync(cancellationToken));
        }
        else
        {
            campaign = new Campaign { Id = Guid.CreateVersion7(), Name = values.Name };
            db.Campaigns.Add(campaign);
        }

        campaign.Name = values.Name;
        campaign.StartsOn = values.StartsOn;
        campaign.EndsOn = values.EndsOn;
        campaign.ArticleSlug = values.ArticleSlug;
        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.CampaignBanners.AddRange(values.Banners.Select(b => new CampaignBanner { CampaignId = campaign.Id, Language = b.Key, Text = b.Value }));
        await audit.RecordAsync(
            db, member.Actor, id is null ? "campaign.created" : "campaign.changed", campaign.Id.ToString(),
            FormattableString.Invariant($"from={values.StartsOn:yyyy-MM-dd} to={values.EndsOn:yyyy-MM-dd} languages={string.Join(',', values.Banners.Keys.Order(StringComparer.Ordinal))}"));
        await SharedPageCache.EvictAsync(pages);
        return Outcome.Done(campaign.Id);
    }

    public async Task<Outcome> DeleteAsync(StaffMember member, Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Outcome.NotFound();
        }

        db.Campaigns.Remove(campaign);
        await audit.RecordAsync(db, member.Actor, "campaign.deleted", id.ToString());
        await SharedPageCache.EvictAsync(pages);
        return Outcome.Done();
    }
}
