using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lantern.Web.Core.Reports;

/// <summary>The JSON shape of report content, for the API and for the encrypted answers alike.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 8,
    };
}
