namespace Lantern.Web.Core.Reports;

/// <summary>The codes of the closed questions, shared by the questionnaire, the API and the validator.</summary>
public static class ReportCodes
{
    public static readonly string[] Roles = ["victim", "witness", "professional"];

    public static readonly string[] Timings = ["now", "days", "weeks", "months", "year", "longer", "unknown"];

    public static readonly string[] PlaceTypes = ["home", "workplace", "street", "bar", "salon", "farm", "construction", "online", "vehicle", "other", "unknown"];

    public static readonly string[] ContactChannels = ["phone", "sms", "email"];

    public static class Channels
    {
        public const string Web = "web";
        public const string Api = "api";
        public const string Phone = "phone";
        public const string Professional = "professional";
    }
}
