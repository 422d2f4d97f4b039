namespace Lantern.Web.Core.Reports;

/// <summary>Details that identify people or places. Stored encrypted, and as blind indexes for linking.</summary>
public sealed class ReportEntities
{
    public List<string> Phones { get; set; } = [];

    public List<string> Emails { get; set; } = [];

    /// <summary>Web addresses and social-media handles.</summary>
    public List<string> Urls { get; set; } = [];

    public List<string> Plates { get; set; } = [];

    public List<string> Companies { get; set; } = [];
}
