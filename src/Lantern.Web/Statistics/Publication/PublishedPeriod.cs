namespace Lantern.Web.Statistics.Publication;

/// <summary>
/// A period the public figures are published for: a year (<c>2025</c>) or a quarter (<c>2025-q1</c>). Only periods that
/// have ended are published, so a figure is released once rather than growing release after release (the difference
/// between two releases of the same period would otherwise isolate the reports received in between).
/// </summary>
public sealed record PublishedPeriod(int Year, int? Quarter)
{
    public string Code => Quarter is { } q ? $"{Year}-q{q}" : Year.ToString(CultureInfo.InvariantCulture);

    public DateOnly Start => new(Year, Quarter is { } q ? (q - 1) * 3 + 1 : 1, 1);

    /// <summary>The first day after the period.</summary>
    public DateOnly End => Quarter is null ? Start.AddYears(1) : Start.AddMonths(3);

    public bool HasEndedBy(DateOnly today) => End <= today;

    public IEnumerable<PublishedPeriod> Quarters => Quarter is null ? Enumerable.Range(1, 4).Select(q => new PublishedPeriod(Year, q)) : [];

    /// <summary>Parses <c>2025</c> or <c>2025-q1</c> (case-insensitive); null for anything else.</summary>
    public static PublishedPeriod? Parse(string? code)
    {
        if (code is null || code.Length is not (4 or 7))
        {
            return null;
        }

        if (!int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 9999)
        {
            return null;
        }

        if (code.Length == 4)
        {
            return new PublishedPeriod(year, null);
        }

        return code[4] == '-' && code[5] is 'q' or 'Q' && code[6] is >= '1' and <= '4' ? new PublishedPeriod(year, code[6] - '0') : null;
    }
}
