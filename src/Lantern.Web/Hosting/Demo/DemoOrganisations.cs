namespace Lantern.Web.Hosting.Demo;

/// <summary>
/// Gives the seeded partner organisations clearly fictitious notice addresses (<c>referrals@{code}.example</c>,
/// a domain that never receives mail), so referral notices can be tried out in Development with a local SMTP catcher.
/// </summary>
internal static class DemoOrganisations
{
    private static readonly string[] _partners = ["pag-asa", "payoke", "surya", "child-focus", "guardianship", "esperanto", "minor-ndako", "social-inspection"];

    public static async Task SetNoticeAddressesAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.Where(o => _partners.Contains(o.Code) && o.NoticeEmail == null).ToListAsync(cancellationToken);
        foreach (var organisation in organisations)
        {
            organisation.NoticeEmail = $"referrals@{organisation.Code}.example";
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
