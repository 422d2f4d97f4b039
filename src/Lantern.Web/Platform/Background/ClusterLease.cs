namespace Lantern.Web.Platform.Background;

/// <summary>
/// Which process runs a background job of the cluster now (<see cref="ClusterWork"/>): a random id per process, never a
/// host name or an address, and until when; a holder that dies lets the lease run out and another process takes it.
/// </summary>
public sealed class ClusterLease
{
    public required string Job { get; set; }

    public required string Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}
