namespace Lantern.Web.Triage.Inbox;

/// <summary>
/// Loads the filter values: forms of exploitation and regions are data (seeded, editable), languages come from
/// the configuration, channels and statuses from the code.
/// </summary>
public sealed class InboxChoices(LanternDbContext db, LanguageSettings languages)
{
    public static readonly string[] Channels = [ReportCodes.Channels.Web, ReportCodes.Channels.Api, ReportCodes.Channels.Phone];

    public async Task<InboxChoiceLists> LoadAsync(CancellationToken cancellationToken) => new(
        InboxStatuses.Choices,
        await db.ExploitationForms.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => f.Code).ToListAsync(cancellationToken),
        await db.PostcodeRanges.AsNoTracking().Select(p => p.Region).Distinct().OrderBy(r => r).ToListAsync(cancellationToken),
        languages.Enabled,
        Channels);
}
