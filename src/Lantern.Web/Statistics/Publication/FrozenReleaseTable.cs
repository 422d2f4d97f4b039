namespace Lantern.Web.Statistics.Publication;

/// <summary>
/// One table of a period's public release as it was first published (<c>statistics_releases</c>): what the disclosure
/// control let out, as JSON (<see cref="FrozenTable"/>). Served from here ever after, so a release never changes: not
/// when a report of the period is triaged again, referred or erased by retention, not when the threshold is changed.
/// Two versions of one release would let their difference single out the reports that changed in between. Kept per
/// table so that a table added in a later version of Lantern is frozen when first published, beside the older ones.
/// </summary>
public sealed class FrozenReleaseTable
{
    /// <summary>The period's code, <c>2025</c> or <c>2025-q1</c>.</summary>
    public required string Period { get; set; }

    /// <summary>The table's id (<see cref="PublicTableDefinition.Id"/>).</summary>
    public required string TableId { get; set; }

    public DateTime FrozenAt { get; set; }

    public required string Figures { get; set; }
}
