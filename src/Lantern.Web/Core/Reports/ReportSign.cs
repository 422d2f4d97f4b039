namespace Lantern.Web.Core.Reports;

/// <summary>A sign the reporter noticed (a code from the catalogue).</summary>
public sealed class ReportSign
{
    public Guid ReportId { get; set; }

    public required string Code { get; set; }
}
