namespace Lantern.Web.Detection;

/// <summary>
/// That a report's details are in the index, under which key and extraction version: a report without this row, or
/// with an older version or another key, is indexed again by the catch-up (a report with no detail has no index row,
/// so the index rows alone cannot tell "nothing to index" from "not indexed yet").
/// </summary>
public sealed class IndexedReport
{
    public Guid ReportId { get; set; }

    /// <summary><see cref="Lantern.Web.Platform.Crypto.BlindIndex.Fingerprint"/> of the key the rows were written under.</summary>
    public required byte[] KeyFingerprint { get; set; }

    /// <summary><see cref="EntityIndexer.Version"/> of the extraction that wrote the rows.</summary>
    public int Version { get; set; }
}
