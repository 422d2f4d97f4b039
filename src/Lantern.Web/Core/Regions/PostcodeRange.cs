namespace Lantern.Web.Core.Regions;

/// <summary>A range of numeric postcodes of one country that belongs to one region (DOMAIN.md, routing by postcode).</summary>
public sealed class PostcodeRange
{
    public int Id { get; set; }

    public required string Country { get; set; }

    public int From { get; set; }

    public int To { get; set; }

    public required string Region { get; set; }
}
