namespace Lantern.Web.Reporting;

/// <summary>
/// Everything a reporter can tell us, whatever the channel: the questionnaire, the JSON API and the phone
/// intake all build one of these, and the same <see cref="Intake.ReportValidator"/> checks it. It is
/// stored encrypted as a whole; only coded fields are copied to plaintext columns.
/// </summary>
public sealed class ReportContent
{
    /// <summary><c>victim</c>, <c>witness</c> or <c>professional</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The language the report was written in (an enabled language code).</summary>
    public string? Language { get; set; }

    /// <summary>Someone is in danger right now. Null: the reporter does not know.</summary>
    public bool? ImmediateDanger { get; set; }

    /// <summary>Codes of forms of exploitation; empty or <c>unknown</c> when the reporter does not know.</summary>
    public List<string> ExploitationTypes { get; set; } = [];

    /// <summary>Codes of the signs noticed.</summary>
    public List<string> Signs { get; set; } = [];

    /// <summary>A person under 18 is involved. Null: the reporter does not know.</summary>
    public bool? MinorsInvolved { get; set; }

    /// <summary>Approximate age of the youngest minor, when a minor is involved.</summary>
    public int? YoungestAge { get; set; }

    public ReportLocation Location { get; set; } = new();

    /// <summary>When it happened: <c>now</c>, <c>days</c>, <c>weeks</c>, <c>months</c>, <c>year</c>, <c>longer</c>, <c>unknown</c>.</summary>
    public string? When { get; set; }

    /// <summary>Dates or times in the reporter's words.</summary>
    public string? WhenDetails { get; set; }

    public ReportPeople People { get; set; } = new();

    public ReportEntities Entities { get; set; } = new();

    /// <summary>The free-text account.</summary>
    public string? Description { get; set; }

    /// <summary>For a witness: how they know the person (neighbour, customer, relative...).</summary>
    public string? Relationship { get; set; }

    /// <summary>For a professional: their profession and organisation.</summary>
    public string? Profession { get; set; }

    /// <summary>Absent: the reporter stays anonymous.</summary>
    public ReportContact? Contact { get; set; }
}

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

public sealed class ReportPeople
{
    /// <summary>How many people seem concerned; null when unknown.</summary>
    public int? Count { get; set; }

    public string? Ages { get; set; }

    /// <summary>Languages spoken or nationalities, in the reporter's words.</summary>
    public string? Languages { get; set; }

    public string? Descriptions { get; set; }
}

/// <summary>Details that identify people or places. Stored encrypted, and as blind indexes for linking.</summary>
public sealed class ReportEntities
{
    public List<string> Phones { get; set; } = [];

    public List<string> Emails { get; set; } = [];

    /// <summary>Web addresses and social-media handles.</summary>
    public List<string> Urls { get; set; } = [];

    public List<string> Plates { get; set; } = [];

    public List<string> Companies { get; set; } = [];
}

/// <summary>How the reporter may safely be contacted back.</summary>
public sealed class ReportContact
{
    /// <summary><c>phone</c>, <c>sms</c> or <c>email</c>.</summary>
    public string? Channel { get; set; }

    /// <summary>The phone number or e-mail address.</summary>
    public string? Address { get; set; }

    /// <summary>When it is safe to contact them.</summary>
    public string? SafeTimes { get; set; }

    public bool? MayLeaveMessage { get; set; }

    /// <summary>A word the team says first so the reporter knows the call is genuine.</summary>
    public string? CodeWord { get; set; }
}

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
