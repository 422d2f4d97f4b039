namespace Lantern.Web.Statistics.Figures;

/// <summary>A row of a duration histogram as the database returns it: how many reports took this many whole minutes.</summary>
public sealed class DurationBucket
{
    /// <summary>1 when the report said someone was in immediate danger (its deadline is shorter), else 0.</summary>
    public long Danger { get; set; }

    public long Minutes { get; set; }

    public long Count { get; set; }
}
