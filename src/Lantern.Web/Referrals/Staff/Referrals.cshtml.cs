using Lantern.Web.Core.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Staff;

/// <summary>
/// The referrals: for the central team all of them, filtered by organisation and state; for a partner
/// caseworker the inbox of referrals to their organisation (one page, narrowed by <see cref="ReferralQueries"/>).
/// Overdue ones (deadline passed, not acknowledged) come first and stand out.
/// </summary>
[Authorize(Policy = StaffPolicies.ReadAnyReports)]
public sealed class ReferralsModel(ReferralQueries queries, LanternDbContext db, TimeProvider clock) : PageModel
{
    public static readonly string[] States = ReferralStates.All;

    public IReadOnlyList<ReferralRow> Rows { get; private set; } = [];

    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    /// <summary>The central team filters by organisation; a partner sees only its own.</summary>
    public bool CentralTeam { get; private set; }

    public string? Organisation { get; private set; }

    public string? State { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>The confirmation of an answer that ended the partner's access (declined), shown here since the referral's page is gone for them.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? organisation, string? state, string? done, CancellationToken cancellationToken)
    {
        Done = done is not null && ReferralModel.Confirmations.Contains(done) ? done : null;
        var member = StaffMember.Of(HttpContext);
        CentralTeam = member.Can(Permissions.ReadReports);
        Organisation = CentralTeam && !string.IsNullOrEmpty(organisation) ? organisation : null;
        State = state is not null && States.Contains(state) ? state : null;
        Now = clock.GetUtcNow().UtcDateTime;
        if (CentralTeam)
        {
            Organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind != "contact-point").OrderBy(o => o.SortOrder).ToListAsync(cancellationToken);
        }

        Rows = await queries.ListAsync(member, Organisation, State, Now, cancellationToken);
    }
}
