namespace Lantern.Web.Detection;

/// <summary>
/// A value a coordinator marked "does not link" (a delivery firm's hotline, a large employer): reports sharing only
/// it are not linked. Stored by its blind index alone, like every entity.
/// </summary>
public sealed class UnlinkedEntity
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required byte[] Hash { get; set; }

    public DateTime MarkedAt { get; set; }

    public Guid MarkedById { get; set; }
}
