namespace Lantern.Web.Core.Reports;

/// <summary>Report references as people type them: trimmed and upper-cased; anything that cannot be one is refused before a query.</summary>
public static class ReportReferences
{
    private const int MaxLength = 16;

    public static string? Normalise(string? reference)
    {
        var trimmed = reference?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return null;
        }

        return trimmed.ToUpperInvariant();
    }
}
