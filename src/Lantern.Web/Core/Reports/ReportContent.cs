namespace Lantern.Web.Core.Reports;

/// <summary>
/// Everything a reporter can tell us, whatever the channel: the questionnaire, the JSON API and the phone
/// intake all build one of these, and the same <c>Reporting/Intake/ReportValidator</c> checks it. It is
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
