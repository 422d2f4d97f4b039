using System.Net;
using System.Text.RegularExpressions;

namespace Lantern.Bench.Flood;

/// <summary>A questionnaire page as a client without a browser reads it: its hidden fields (antiforgery, draft, step, challenge).</summary>
internal sealed partial record QuestionnairePage(HttpStatusCode Status, Uri? Url, Dictionary<string, string> Hidden, int Difficulty)
{
    public string Step => Hidden.GetValueOrDefault("step", string.Empty);

    public string Challenge => Hidden.GetValueOrDefault("challenge", string.Empty);

    public static async Task<QuestionnairePage> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains("type=\"hidden\"", StringComparison.Ordinal) && Attribute("name", tag) is { } name)
            {
                hidden[name] = WebUtility.HtmlDecode(Attribute("value", tag) ?? string.Empty);
            }
        }

        var difficulty = DifficultyAttribute().Match(html) is { Success: true } found ? int.Parse(found.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new QuestionnairePage(response.StatusCode, response.RequestMessage?.RequestUri, hidden, difficulty);
    }

    /// <summary>The form to post back: every hidden field, with the step's answers and the button pressed.</summary>
    public FormUrlEncodedContent Post(string action, params (string Name, string Value)[] answers)
    {
        var fields = Hidden.Where(h => h.Key != "proof").Select(h => new KeyValuePair<string, string>(h.Key, h.Value)).ToList();
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)));
        fields.Add(new("action", action));
        return new FormUrlEncodedContent(fields);
    }

    private static string? Attribute(string name, string tag) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Input();

    [GeneratedRegex("data-difficulty=\"([0-9]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex DifficultyAttribute();
}
