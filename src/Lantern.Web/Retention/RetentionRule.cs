namespace Lantern.Web.Retention;

/// <summary>
/// One retention rule: the closed reports it covers (those with <see cref="Outcome"/> outside any case, or, when
/// <see cref="Outcome"/> is null, those in a case) are erased <see cref="Days"/> after closing; 0 keeps them.
/// </summary>
public sealed record RetentionRule(string Name, string? Outcome, int Days)
{
    /// <summary>The rule of reports closed while in a case.</summary>
    public const string InCase = "in-case";

    /// <summary>Not a rule of the options: a report whose keys an earlier run destroyed and whose rows it did not get to delete.</summary>
    public const string Interrupted = "interrupted";

    public bool Keeps => Days == 0;
}
