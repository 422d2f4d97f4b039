namespace Lantern.Web.FollowUp.Thread;

/// <summary>What is wrong with a message: each side words it in its own catalogue (<c>followup.error.*</c>, <c>staff.followup.error.*</c>).</summary>
public enum MessageProblem
{
    None,
    Empty,
    TooLong,
    Characters,
}
