using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Summaries;

/// <summary>The rows of one summary (a day's or a month's) in the four summary tables: removed as a whole, then added as a whole.</summary>
internal static class SummaryRows
{
    /// <summary>Removes the rows of (<paramref name="span"/>, <paramref name="day"/>) from the four tables.</summary>
    public static async Task RemoveAsync(LanternDbContext db, SummarySpan span, DateOnly day, CancellationToken cancellationToken)
    {
        await db.SummaryCube.Where(c => c.Span == span && c.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.SummaryForms.Where(f => f.Span == span && f.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.SummaryDurations.Where(d => d.Span == span && d.Day == day).ExecuteDeleteAsync(cancellationToken);
        await db.SummaryReferrals.Where(r => r.Span == span && r.Day == day).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds the rows of (<paramref name="span"/>, <paramref name="day"/>) for <paramref name="parts"/>, after <see cref="RemoveAsync"/>; the caller saves, inside its transaction.</summary>
    public static void Add(LanternDbContext db, SummarySpan span, DateOnly day, FigureParts parts)
    {
        db.SummaryCube.AddRange(parts.Cube.Select(c => new SummaryCube
        {
            Day = day,
            Span = span,
            Channel = c.Channel,
            Role = c.Role,
            Language = c.Language,
            Region = c.Region,
            Danger = c.ImmediateDanger,
            Minors = c.MinorsInvolved,
            Count = c.Count,
        }));
        db.SummaryForms.AddRange(parts.Forms.Select(f => new SummaryForm { Day = day, Span = span, Code = f.Form, Minors = f.MinorsInvolved, Count = f.Count }));
        db.SummaryDurations.AddRange(parts.Durations.Select(d => new SummaryDuration
        {
            Day = day,
            Span = span,
            Kind = d.Kind,
            Danger = d.Danger,
            Bucket = d.Bucket,
            Count = d.Count,
            WithinDeadline = d.WithinDeadline,
        }));
        db.SummaryReferrals.AddRange(parts.Referrals.Select(r => new SummaryReferral
        {
            Day = day,
            Span = span,
            OrganisationId = r.OrganisationId,
            State = r.State,
            Outcome = r.Outcome,
            Count = r.Count,
        }));
    }
}
