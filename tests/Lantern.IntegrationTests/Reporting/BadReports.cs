namespace Lantern.IntegrationTests.Reporting;

/// <summary>Every kind of bad report body the API must refuse with a 400 naming the field.</summary>
public static class BadReports
{
    /// <summary>A body the JSON reader accepts but the rules refuse: (field that must carry the error, body).</summary>
    public static TheoryData<string, string> InvalidFields => new()
    {
        { "role", """{"language":"en","description":"Workers sleep at the car wash."}""" },
        { "role", """{"role":"king","language":"en","description":"Workers sleep at the car wash."}""" },
        { "language", """{"role":"witness","description":"Workers sleep at the car wash."}""" },
        { "language", """{"role":"witness","language":"ja","description":"Workers sleep at the car wash."}""" },
        { "exploitationTypes", """{"role":"witness","language":"en","exploitationTypes":["labour","teleportation"],"description":"x"}""" },
        { "signs", """{"role":"witness","language":"en","signs":["debt","nope"],"description":"x"}""" },
        { "location.postcode", """{"role":"witness","language":"en","location":{"country":"BE","postcode":"0999"},"description":"x"}""" },
        { "location.postcode", """{"role":"witness","language":"en","location":{"postcode":"20000"},"description":"x"}""" },
        { "location.country", """{"role":"witness","language":"en","location":{"country":"XX"},"description":"x"}""" },
        { "location.placeType", """{"role":"witness","language":"en","location":{"placeType":"moon"},"description":"x"}""" },
        { "when", """{"role":"witness","language":"en","when":"tomorrow","description":"x"}""" },
        { "entities.phones", """{"role":"witness","language":"en","entities":{"phones":["call me maybe"]},"description":"x"}""" },
        { "entities.phones", $$"""{"role":"witness","language":"en","entities":{"phones":[{{string.Join(',', Enumerable.Repeat("\"0470 12 34 56\"", 21))}}]},"description":"x"}""" },
        { "entities.emails", """{"role":"witness","language":"en","entities":{"emails":["boss-at-example.com"]},"description":"x"}""" },
        { "entities.urls", """{"role":"witness","language":"en","entities":{"urls":["javascript:alert(1)"]},"description":"x"}""" },
        { "entities.plates", """{"role":"witness","language":"en","entities":{"plates":["!"]},"description":"x"}""" },
        { "contact.address", """{"role":"victim","language":"en","description":"x","contact":{"channel":"sms"}}""" },
        { "contact.address", """{"role":"victim","language":"en","description":"x","contact":{"channel":"email","address":"0470 12 34 56"}}""" },
        { "contact.address", """{"role":"victim","language":"en","description":"x","contact":{"channel":"phone","address":"me@example.com"}}""" },
        { "contact.channel", """{"role":"victim","language":"en","description":"x","contact":{"channel":"pigeon","address":"the church"}}""" },
        { "description", """{"role":"victim","language":"en"}""" },
        { "description", """{"role":"victim","language":"en","exploitationTypes":["unknown"],"description":"   "}""" },
        { "description", $$"""{"role":"witness","language":"en","description":"{{new string('a', 10_001)}}"}""" },
        { "description", """{"role":"witness","language":"en","description":"bell \u0007 rings"}""" },
        { "description", """{"role":"witness","language":"en","description":"escape \u001b[31m red"}""" },
        { "description", """{"role":"witness","language":"en","description":"file\u202Egnp.exe"}""" },
        { "location.address", """{"role":"witness","language":"en","location":{"address":"Kaai\n12"},"description":"x"}""" },
        { "youngestAge", """{"role":"witness","language":"en","minorsInvolved":true,"youngestAge":18,"description":"x"}""" },
        { "youngestAge", """{"role":"witness","language":"en","minorsInvolved":true,"youngestAge":-1,"description":"x"}""" },
        { "people.count", """{"role":"witness","language":"en","people":{"count":0},"description":"x"}""" },
    };

    /// <summary>Bodies the JSON reader itself refuses: 400 with an error keyed by a JSON path.</summary>
    public static TheoryData<string> MalformedJson => new()
    {
        "{\"role\":",
        "{",
        "not json",
        "null",
        "[]",
        "\"a string\"",
        "{\"role\":\"witness\",\"language\":\"en\",\"description\":\"x\"}}",
        "{\"role\":5,\"language\":\"en\",\"description\":\"x\"}",
        "{\"role\":\"witness\",\"language\":\"en\",\"youngestAge\":\"ten\",\"description\":\"x\"}",
        "{\"role\":\"witness\",\"language\":\"en\",\"youngestAge\":1e100,\"description\":\"x\"}",
        "{\"role\":\"witness\",\"language\":\"en\",\"description\":[\"x\"]}",
        "{\"role\":\"witness\",\"language\":\"en\",\"description\":\"lone \\ud800 surrogate\"}",
        "{\"role\":\"witness\",\"language\":\"en\",\"location\":{\"postcode\":{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}},\"description\":\"x\"}",
        "{\"role\":\"witness\",\"language\":\"en\",\"description\":\"x\",\"foo\":1}",
        "{\"role\":\"witness\",\"language\":\"en\",\"location\":{\"planet\":\"mars\"},\"description\":\"x\"}",
    };
}
