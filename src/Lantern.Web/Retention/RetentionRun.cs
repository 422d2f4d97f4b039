namespace Lantern.Web.Retention;

/// <summary>
/// What one run found due and, unless it was a dry run, erased. <see cref="Due"/> is the same list either way, so a
/// preview shows exactly what an erase at that moment takes.
/// </summary>
public sealed record RetentionRun(DateTime At, bool DryRun, IReadOnlyList<DueReport> Due, int Erased)
{
    /// <summary>How many reports each rule found due, in the order of the rules.</summary>
    public IEnumerable<(string Rule, int Reports)> PerRule() =>
        Due.GroupBy(d => d.Rule, StringComparer.Ordinal).Select(g => (g.Key, g.Count()));
}
