namespace Lantern.Web.Referrals.Directory;

/// <summary>A search of the help directory, as the public form sends it (every part optional).</summary>
public sealed record HelpQuery(string? Postcode, string? Region, HelpPerson Person, string? Form);
