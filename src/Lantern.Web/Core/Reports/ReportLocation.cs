namespace Lantern.Web.Core.Reports;

public sealed class ReportLocation
{
    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? Country { get; set; }

    public string? Postcode { get; set; }

    public string? Municipality { get; set; }

    /// <summary><c>home</c>, <c>workplace</c>, <c>street</c>, <c>bar</c>, <c>salon</c>, <c>farm</c>, <c>construction</c>, <c>online</c>, <c>vehicle</c>, <c>other</c>, <c>unknown</c>.</summary>
    public string? PlaceType { get; set; }

    public string? Address { get; set; }
}
