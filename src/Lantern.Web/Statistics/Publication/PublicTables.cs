using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Publication;

/// <summary>A published table as the public page shows it: codes turned into words in the reader's language, suppressed counts empty, and the total of the counts shown.</summary>
public sealed class PublicTables(StatisticsLabels labels)
{
    public FigureTable Show(PublicTable table)
    {
        var t = labels.Texts;
        var definition = table.Definition;
        var figures = table.Figures;
        var rows = new List<FigureRow>();
        for (var i = 0; i < figures.Rows.Count; i++)
        {
            var values = new List<double?>();
            for (var j = 0; j < figures.Columns.Count; j++)
            {
                values.Add(figures.Cells[i, j]);
            }

            rows.Add(new FigureRow(figures.Rows[i], Label(definition.RowField, figures.Rows[i]), values));
        }

        if (definition != PublicTableDefinition.Total && figures.Rows.Count > 1)
        {
            rows.Add(new FigureRow("total", t["stats.public.total_shown"], figures.ColumnTotals.Select(v => (double?)v).ToList()));
        }

        var columns = definition.ColumnField is { } column
            ? figures.Columns.Select(c => new FigureColumn(c, t["stats.col.minors", Label(column, c)])).ToList()
            : [new FigureColumn("reports", t["stats.col.reports"])];
        return new FigureTable(definition.Id, t[definition.TitleKey], t[$"stats.field.{definition.RowField}"], columns, rows,
            Chart: definition.ColumnField is null && definition != PublicTableDefinition.Total, Protected: true);
    }

    private string Label(string field, string code) => field switch
    {
        "measure" => labels.Texts["stats.col.reports"],
        "month" => DateOnly.ParseExact(code, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.CurrentCulture),
        "form" => labels.Form(code),
        "region" => labels.Region(code),
        "channel" => labels.Channel(code),
        "role" => labels.Role(code),
        "language" => labels.Language(code),
        "eurostat_form" => labels.Texts[$"stats.eurostat.{code}"],
        _ => labels.YesNo(code switch { "yes" => true, "no" => false, _ => null }),
    };
}
