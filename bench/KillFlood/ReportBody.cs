using System.Text;
using System.Text.Json;

namespace Lantern.Bench.KillFlood;

/// <summary>
/// A valid report for <c>POST /api/v1/reports</c>, different every time, shaped like bench/wrk/report.lua's (role,
/// language, forms, signs, place, people, identifying details, 500-2,000 characters of account, a contact one time in
/// three). Its account carries a marker unique to the run and the request: the staff check looks for it in the
/// decrypted report, so "readable" means this report's own content came back, not merely a row.
/// </summary>
internal static class ReportBody
{
    private static readonly string[] _roles = ["victim", "witness", "professional"];
    private static readonly string[] _languages = ["fr", "nl", "de", "en"];
    private static readonly string[] _forms = ["sexual", "labour", "begging", "criminality", "organs", "smuggling", "unknown"];
    private static readonly string[] _signs = ["movement", "documents", "debt", "wages", "deception", "violence", "threats", "isolation",
        "housing", "hours", "vulnerability", "control", "online", "minor", "fear"];
    private static readonly string[] _places = ["home", "workplace", "street", "bar", "salon", "farm", "construction", "online", "vehicle", "other", "unknown"];
    private static readonly string[] _timings = ["now", "days", "weeks", "months", "year", "longer", "unknown"];
    private static readonly (string Postcode, string Town)[] _towns = [("1000", "Bruxelles"), ("2000", "Antwerpen"), ("9000", "Gent"),
        ("4000", "Liège"), ("8000", "Brugge"), ("3000", "Leuven"), ("6000", "Charleroi"), ("5000", "Namur"), ("3500", "Hasselt")];
    private static readonly string[] _sentences =
    [
        "Several workers arrive before dawn in a white van and leave after dark.",
        "They never seem to have their own papers; the manager keeps them in a drawer.",
        "One of them told me she owes a large sum for her journey and cannot leave until it is paid.",
        "The windows of the upstairs flat are covered and about ten people sleep there.",
        "A man collects their wages every Friday and they look frightened when he is around.",
        "Nobody speaks the local language and they are not allowed to talk to customers.",
        "I saw bruises on the arm of the youngest one, who looks about sixteen.",
        "Adverts for the salon appear on a website with new photos every week.",
        "They work seven days a week, more than twelve hours a day, for almost nothing.",
        "When I offered help she looked at the door and said she could not talk.",
    ];

    public static byte[] Create(string marker)
    {
        var random = Random.Shared;
        var role = Pick(_roles);
        var town = _towns[random.Next(_towns.Length)];
        var minors = random.Next(5) == 0;
        var handle = "r" + Digits(6);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("role", role);
            json.WriteString("language", Pick(_languages));
            json.WriteBoolean("immediateDanger", random.Next(10) == 0);
            Array(json, "exploitationTypes", Some(_forms, 1, 2));
            Array(json, "signs", Some(_signs, 2, 6));
            json.WriteBoolean("minorsInvolved", minors);
            if (minors)
            {
                json.WriteNumber("youngestAge", random.Next(10, 18));
            }

            json.WriteStartObject("location");
            json.WriteString("country", "BE");
            json.WriteString("postcode", town.Postcode);
            json.WriteString("municipality", town.Town);
            json.WriteString("placeType", Pick(_places));
            json.WriteEndObject();
            json.WriteString("when", Pick(_timings));
            json.WriteString("whenDetails", "Most evenings, the last time on day " + Digits(2));
            json.WriteStartObject("people");
            json.WriteNumber("count", random.Next(1, 13));
            json.WriteString("ages", "between 16 and 30");
            json.WriteString("languages", "Romanian, some English");
            json.WriteString("descriptions", "A tall man with a grey coat drives the van, plate seen twice.");
            json.WriteEndObject();
            json.WriteStartObject("entities");
            Array(json, "phones", [$"+32 47{Digits(1)} {Digits(2)} {Digits(2)} {Digits(2)}"]);
            Array(json, "emails", [handle + "@example.com"]);
            Array(json, "urls", ["https://ads.example.net/" + handle, "@" + handle]);
            Array(json, "plates", ["1-ABC-" + Digits(3)]);
            Array(json, "companies", [$"Clean Star {Digits(2)} BV"]);
            json.WriteEndObject();
            json.WriteString("description", Account(marker));
            if (role == "witness")
            {
                json.WriteString("relationship", "neighbour");
            }
            else if (role == "professional")
            {
                json.WriteString("profession", "labour inspector, regional office");
            }

            if (random.Next(3) == 0)
            {
                json.WriteStartObject("contact");
                json.WriteString("channel", "sms");
                json.WriteString("address", $"+32 49{Digits(1)} {Digits(2)} {Digits(2)} {Digits(2)}");
                json.WriteString("safeTimes", "weekdays 9-12");
                json.WriteBoolean("mayLeaveMessage", false);
                json.WriteString("codeWord", "lighthouse");
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Account(string marker)
    {
        var text = new StringBuilder("Reference for the check: ").Append(marker).Append('.');
        var target = Random.Shared.Next(500, 2001);
        while (text.Length < target)
        {
            text.Append(' ').Append(Pick(_sentences)).Append(" (").Append(Digits(3)).Append(')');
        }

        return text.ToString();
    }

    private static void Array(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string[] Some(string[] list, int min, int max) =>
        [.. Enumerable.Range(0, Random.Shared.Next(min, max + 1)).Select(_ => Pick(list)).Distinct()];

    private static string Pick(string[] list) => list[Random.Shared.Next(list.Length)];

    private static string Digits(int count) =>
        string.Create(count, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + Random.Shared.Next(10));
            }
        });
}
