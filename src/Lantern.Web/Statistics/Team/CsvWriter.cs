using System.Text;
using Lantern.Web.Statistics.Figures;

namespace Lantern.Web.Statistics.Team;

/// <summary>
/// A <see cref="FigureTable"/> as CSV (RFC 4180, UTF-8): a code and a label column, then one column per figure, numbers
/// in invariant form. A text that a spreadsheet would read as a formula (an organisation's name typed by an
/// administrator) is prefixed with an apostrophe.
/// </summary>
public static class CsvWriter
{
    public static string Write(FigureTable table)
    {
        var csv = new StringBuilder();
        Line(csv, ["code", "label", .. table.Columns.Select(c => c.Code)]);
        foreach (var row in table.Rows)
        {
            Line(csv, [row.Code, row.Label, .. row.Values.Select((v, j) => Number(v, table.Columns[j].Format))]);
        }

        return csv.ToString();
    }

    public static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Number(double? value, FigureFormat format) => value switch
    {
        null => string.Empty,
        { } v when format == FigureFormat.Count => v.ToString("0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
