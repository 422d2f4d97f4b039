using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Reporting.Staff;

/// <summary>
/// The page after a staff member recorded a report: its reference and receipt, shown this once (the cookie that
/// carried them is gone after this answer; the receipt is stored nowhere). A reload says it was already shown.
/// </summary>
public abstract class ReceiptPageModel(RecordedReceiptCookie receipts) : PageModel
{
    /// <summary>The channel whose receipts this page shows.</summary>
    protected abstract string Channel { get; }

    public RecordedReceipt? Recorded { get; private set; }

    public void OnGet()
    {
        var recorded = receipts.Take(HttpContext, StaffMember.Of(HttpContext));
        Recorded = recorded?.Channel == Channel ? recorded : null;
    }
}
