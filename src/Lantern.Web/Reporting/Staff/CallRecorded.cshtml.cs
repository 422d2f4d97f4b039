using Microsoft.AspNetCore.Authorization;

namespace Lantern.Web.Reporting.Staff;

/// <summary><c>/staff/calls/recorded</c>: the operator reads the reference and receipt to the caller.</summary>
[Authorize(Policy = Permissions.RecordCalls)]
public sealed class CallRecordedModel(RecordedReceiptCookie receipts) : ReceiptPageModel(receipts)
{
    protected override string Channel => ReportCodes.Channels.Phone;
}
