namespace Lantern.Web.Statistics.Publication;

/// <summary>Everything published for one period, every count through the disclosure control.</summary>
public sealed record PublicRelease(PublishedPeriod Period, int Threshold, IReadOnlyList<PublicTable> Tables)
{
    public PublicTable Table(PublicTableDefinition definition) => Tables.Single(t => t.Definition == definition);
}
