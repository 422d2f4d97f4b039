using Microsoft.AspNetCore.Authorization;

namespace Lantern.Web.Reporting.Staff;

/// <summary><c>/staff/register/recorded</c>: the professional keeps the receipt to follow the case up.</summary>
[Authorize(Policy = Permissions.RegisterCases)]
public sealed class CaseRegisteredModel(RecordedReceiptCookie receipts) : ReceiptPageModel(receipts)
{
    protected override string Channel => ReportCodes.Channels.Professional;
}
