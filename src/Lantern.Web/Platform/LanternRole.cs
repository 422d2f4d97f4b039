namespace Lantern.Web.Platform;

public enum LanternRole
{
    /// <summary>Public pages, intake API and back office in one process (the default).</summary>
    All,

    /// <summary>Public pages and intake API only: holds public keys, cannot read stored reports.</summary>
    Intake,

    /// <summary>Back office only: holds the private keys, meant for an internal network.</summary>
    Staff,
}
