namespace Lantern.Web.Core.Reports;

/// <summary>A form of exploitation the reporter pointed to (a code from the catalogue).</summary>
public sealed class ReportForm
{
    public Guid ReportId { get; set; }

    public required string Code { get; set; }
}
