namespace Lantern.Web.Platform.Outcomes;

/// <summary>How a use case ended. Expected refusals are outcomes with a catalogue key, not exceptions.</summary>
public enum OutcomeKind
{
    Done,

    /// <summary>What was asked for does not exist or is out of the member's scope: 404.</summary>
    NotFound,

    /// <summary>The member may see it but not act on it: 403.</summary>
    Forbidden,

    /// <summary>The input is wrong (no outcome, empty note, unknown case...): 400 with the message.</summary>
    Invalid,

    /// <summary>The thing changed since the page was shown, or the action no longer applies: 409 with the message.</summary>
    Conflict,
}
