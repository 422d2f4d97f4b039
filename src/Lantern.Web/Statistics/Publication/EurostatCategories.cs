namespace Lantern.Web.Statistics.Publication;

/// <summary>
/// The form-of-exploitation categories of Eurostat's trafficking statistics where Lantern has the data: sexual, labour,
/// other (begging, forced criminality, organ removal and any other form), and "not known" for a report whose form was
/// not known or is not exploitation (smuggling).
/// </summary>
public static class EurostatCategories
{
    public const string Sexual = "sexual";
    public const string Labour = "labour";
    public const string Other = "other";
    public const string NotKnown = "not-known";

    public static readonly string[] All = [Sexual, Labour, Other, NotKnown];

    public static string Of(string form) => form switch
    {
        "sexual" => Sexual,
        "labour" => Labour,
        "unknown" or "smuggling" => NotKnown,
        _ => Other,
    };
}
