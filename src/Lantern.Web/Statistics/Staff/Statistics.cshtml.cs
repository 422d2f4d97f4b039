using System.Text;
using Lantern.Web.Statistics.Figures;
using Lantern.Web.Statistics.Team;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Statistics.Staff;

/// <summary>The team's dashboard: a period (from, to) and a granularity; every table as a chart, a table and a CSV download.</summary>
[Authorize(Policy = Permissions.ReadStatistics)]
public sealed class StatisticsModel(TeamDashboard dashboard, AuditTrail audit, LanternDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The longest period one request may count (a bound on the work an address can ask for).</summary>
    public const int MaxDays = 3 * 366;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public DateOnly FromDate { get; private set; }

    public DateOnly ToDate { get; private set; }

    public Granularity Granularity { get; private set; } = Granularity.Month;

    public List<string> Errors { get; } = [];

    public IReadOnlyList<FigureTable> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Read())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Tables = await dashboard.BuildAsync(FromDate, ToDate, Granularity, cancellationToken);
        return Page();
    }

    /// <summary>One table as CSV, audited like every export (who, which table, which period).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (!Read() || table is null || !TeamDashboard.TableIds.Contains(table, StringComparer.Ordinal))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            if (Errors.Count == 0)
            {
                Errors.Add("stats.error.table");
            }

            return Page();
        }

        var tables = await dashboard.BuildAsync(FromDate, ToDate, Granularity, cancellationToken);
        var chosen = tables.Single(t => t.Id == table);
        var member = StaffMember.Of(HttpContext);
        var period = $"{FromDate:yyyy-MM-dd}..{ToDate:yyyy-MM-dd}";
        await audit.RecordAsync(db, member.Actor, "statistics.exported", table, $"{period} by {Granularity.ToString().ToLowerInvariant()}");
        var name = $"lantern-{table}-{FromDate:yyyyMMdd}-{ToDate:yyyyMMdd}.csv";
        return File(Encoding.UTF8.GetBytes(CsvWriter.Write(chosen)), "text/csv; charset=utf-8", name);
    }

    /// <summary>The address of a table's CSV for the period shown.</summary>
    public string CsvLink(string table) =>
        "/staff/statistics" + QueryString.Create(new Dictionary<string, string?>
        {
            ["handler"] = "csv",
            ["table"] = table,
            ["from"] = FromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = ToDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["by"] = Granularity.ToString().ToLowerInvariant(),
        });

    private bool Read()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // By default the last twelve whole months and this one.
        var from = Parse(From, "stats.error.from") ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var to = Parse(To, "stats.error.to") ?? today;
        Granularity = By?.ToLowerInvariant() switch
        {
            null or "" or "month" => Granularity.Month,
            "week" => Granularity.Week,
            _ => Fail(Granularity.Month, "stats.error.by"),
        };
        if (Errors.Count == 0 && to < from)
        {
            Errors.Add("stats.error.order");
        }
        else if (Errors.Count == 0 && to.DayNumber - from.DayNumber > MaxDays)
        {
            Errors.Add("stats.error.length");
        }

        FromDate = from;
        ToDate = to;
        return Errors.Count == 0;
    }

    private DateOnly? Parse(string? value, string error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 2000)
        {
            return date;
        }

        Errors.Add(error);
        return null;
    }

    private T Fail<T>(T value, string error)
    {
        Errors.Add(error);
        return value;
    }
}
