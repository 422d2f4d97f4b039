using Lantern.Web.Audit.Browse;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Audit.Staff;

/// <summary>The audit trail for auditors: filters, newest first, and a check of the whole chain on demand.</summary>
[Authorize(Policy = Permissions.ReadAudit)]
public sealed class AuditModel(AuditSearch search, AuditVerifier verifier, AuditTrail audit, LanternDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public AuditPage Results { get; private set; } = new([], null);

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public List<string> InvalidFields { get; } = [];

    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        Actions = await search.ActionsAsync(cancellationToken);
        if (InvalidFields.Count > 0 || Actor?.Length > 254 || Record?.Length > 64 || Action?.Length > 64)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Results = await search.FindAsync(new AuditFilter(Actor, Action, Record, from, to, Before), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await verifier.VerifyAsync(cancellationToken);
        var member = StaffMember.Of(HttpContext);
        await audit.RecordAsync(db, member.Actor, "audit.verified", string.Empty, Verification.Intact ? $"intact, {Verification.Checked}" : $"broken at {Verification.FirstBrokenSequence}");
        Actions = await search.ActionsAsync(cancellationToken);
        Results = await search.FindAsync(new AuditFilter(null, null, null, null, null, null), cancellationToken);
        return Page();
    }

    /// <summary>The query string of the current filters with another page start.</summary>
    public string PageLink(long before) =>
        "/staff/audit" + QueryString.Create(new Dictionary<string, string?>
        {
            ["actor"] = Actor,
            ["action"] = Action,
            ["record"] = Record,
            ["from"] = From,
            ["to"] = To,
            ["before"] = before.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));

    private DateOnly? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        InvalidFields.Add(field);
        return null;
    }
}
