namespace Lantern.Web.Core.Reports;

public sealed class ReportPeople
{
    /// <summary>How many people seem concerned; null when unknown.</summary>
    public int? Count { get; set; }

    public string? Ages { get; set; }

    /// <summary>Languages spoken or nationalities, in the reporter's words.</summary>
    public string? Languages { get; set; }

    public string? Descriptions { get; set; }
}
