namespace Lantern.Web.Detection.Links;

/// <summary>One of a report's details by its blind index: how many reports hold it, and whether it links.</summary>
public sealed record SharedEntity(string Kind, byte[] Hash, int Reports, bool Common, bool Unlinked)
{
    public bool Links => !Common && !Unlinked;

    /// <summary>The hash as it travels in a form (hexadecimal): it says nothing without the index key.</summary>
    public string HashText => Convert.ToHexStringLower(Hash);
}
