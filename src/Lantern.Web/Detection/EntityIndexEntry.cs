namespace Lantern.Web.Detection;

/// <summary>A blind index of one identifying detail of a report (never the detail itself).</summary>
public sealed class EntityIndexEntry
{
    public long Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary>One of <see cref="Extraction.EntityKinds"/>.</summary>
    public required string Kind { get; set; }

    public required byte[] Hash { get; set; }
}
