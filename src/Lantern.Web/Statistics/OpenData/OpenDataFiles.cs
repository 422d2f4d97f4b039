using System.Text;
using System.Text.Json.Nodes;
using Lantern.Web.Statistics.Publication;

namespace Lantern.Web.Statistics.OpenData;

/// <summary>
/// The open data of a published period, in long form (one line per cell: period, the row's code, the column's code for a
/// table of two dimensions, the count): CSV and JSON with the same fields, each table described by a Frictionless Table
/// Schema, the period by a Frictionless Data Package (docs/STATISTICS.md, "Open data"). A suppressed count is empty in
/// CSV and null in JSON; codes, never labels, so the files are the same in every language.
/// </summary>
public static class OpenDataFiles
{
    public const string Base = "/open-data/statistics";

    public static string Csv(PublicRelease release, PublicTableDefinition definition)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Fields(definition).Select(f => f.Name)).Append("\r\n");
        foreach (var line in Lines(release, definition))
        {
            csv.AppendJoin(',', line.Select(v => v?.ToString() ?? string.Empty)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static JsonObject Json(PublicRelease release, PublicTableDefinition definition)
    {
        var names = Fields(definition).Select(f => f.Name).ToList();
        var data = new JsonArray();
        foreach (var line in Lines(release, definition))
        {
            var item = new JsonObject();
            for (var k = 0; k < names.Count; k++)
            {
                item[names[k]] = line[k] switch
                {
                    null => null,
                    long count => JsonValue.Create(count),
                    var text => JsonValue.Create(text.ToString()),
                };
            }

            data.Add(item);
        }

        return new JsonObject
        {
            ["period"] = release.Period.Code,
            ["table"] = definition.Id,
            ["threshold"] = release.Threshold,
            ["data"] = data,
        };
    }

    /// <summary>The Frictionless Table Schema of a table (the same for every period).</summary>
    public static JsonObject Schema(PublicTableDefinition definition, int threshold)
    {
        var fields = new JsonArray();
        foreach (var (name, type, description) in Fields(definition, threshold))
        {
            var field = new JsonObject { ["name"] = name, ["type"] = type, ["description"] = description };
            if (type == "integer")
            {
                field["constraints"] = new JsonObject { ["minimum"] = 0 };
            }
            else
            {
                field["constraints"] = new JsonObject { ["required"] = true };
            }

            fields.Add(field);
        }

        return new JsonObject
        {
            ["$schema"] = "https://specs.frictionlessdata.io/schemas/table-schema.json",
            ["description"] = definition.Description,
            ["fields"] = fields,
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray([.. Fields(definition).Where(f => f.Type == "string").Select(f => (JsonNode)f.Name)]),
        };
    }

    /// <summary>The Frictionless Data Package of a period: one CSV resource per table, each with its schema inline.</summary>
    public static JsonObject Package(PublicRelease release)
    {
        var resources = new JsonArray();
        foreach (var definition in PublicTableDefinition.All)
        {
            resources.Add(new JsonObject
            {
                ["name"] = definition.Id,
                ["path"] = $"{definition.Id}.csv",
                ["profile"] = "tabular-data-resource",
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["description"] = definition.Description,
                ["schema"] = Schema(definition, release.Threshold),
            });
        }

        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = $"lantern-statistics-{release.Period.Code}",
            ["title"] = $"Lantern statistics: reports {release.Period.Code}",
            ["description"] = $"Reports received by the contact point in {release.Period.Code}, counted from coded fields only. Counts below {release.Threshold} are not published; " +
                $"published counts are rounded to a multiple of {release.Threshold}; where a row or column would hold a single hidden count, another is hidden too; totals are sums of the published counts.",
            ["licenses"] = new JsonArray(new JsonObject { ["name"] = "CC-BY-4.0", ["title"] = "Creative Commons Attribution 4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/" }),
            ["resources"] = resources,
        };
    }

    private static IEnumerable<(string Name, string Type)> Fields(PublicTableDefinition definition) =>
        Fields(definition, 0).Select(f => (f.Name, f.Type));

    private static IEnumerable<(string Name, string Type, string Description)> Fields(PublicTableDefinition definition, int threshold)
    {
        yield return ("period", "string", "The period: a year (2025) or a quarter (2025-q1).");
        yield return (definition.RowField, "string", definition.RowField == "measure" ? "What is counted." : $"The code of the {definition.RowField.Replace('_', ' ')}.");
        if (definition.ColumnField is { } column)
        {
            yield return (column, "string", $"The code of {column.Replace('_', ' ')}: yes, no or unknown.");
        }

        yield return ("reports", "integer", threshold > 0
            ? $"Reports, rounded to a multiple of {threshold}; empty when fewer than {threshold}, or hidden so that another hidden count cannot be worked out."
            : "Reports.");
    }

    /// <summary>One line per cell: period, row code, [column code], count (null when suppressed).</summary>
    private static IEnumerable<object?[]> Lines(PublicRelease release, PublicTableDefinition definition)
    {
        var figures = release.Table(definition).Figures;
        for (var i = 0; i < figures.Rows.Count; i++)
        {
            for (var j = 0; j < figures.Columns.Count; j++)
            {
                yield return definition.ColumnField is null
                    ? [release.Period.Code, figures.Rows[i], figures.Cells[i, j]]
                    : [release.Period.Code, figures.Rows[i], figures.Columns[j], figures.Cells[i, j]];
            }
        }
    }
}
