namespace Lantern.Web.Referrals.Routing;

/// <summary>The coded facts of a report that routing rules look at (never its content).</summary>
public sealed record RoutingFacts(string Role, string? Region, string Language, IReadOnlyCollection<string> Forms, bool? Minor, bool? ImmediateDanger)
{
    public static RoutingFacts Of(Report report) =>
        new(report.Role, report.Region, report.Language, [.. report.Forms.Select(f => f.Code)], report.MinorsInvolved, report.ImmediateDanger);
}
