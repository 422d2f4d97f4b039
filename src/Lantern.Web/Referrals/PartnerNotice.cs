namespace Lantern.Web.Referrals;

/// <summary>
/// The e-mails partners receive about referrals: subject and body in the national languages, one after the other,
/// because a notice address is shared by a team working in any of them. They never carry report content.
/// </summary>
public static class PartnerNotice
{
    private static readonly string[] _languages = ["en", "fr", "nl", "de"];

    /// <summary>The subject in the first three languages (to stay short) and the body in all four.</summary>
    public static (string Subject, string Body) Compose(TextCatalogue texts, string subjectKey, string bodyKey, string argument) =>
        (string.Join(" / ", _languages.Take(3).Select(l => texts.Get(l, subjectKey))),
         string.Join("\n\n", _languages.Select(l => texts.Get(l, bodyKey, argument))));
}
