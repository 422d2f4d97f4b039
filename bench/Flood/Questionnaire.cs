namespace Lantern.Bench.Flood;

/// <summary>
/// The witness path of the questionnaire without a browser, as the integration tests walk it: the first two steps
/// answered, the others passed with "next", a description on the account step. <c>think</c> is the pause
/// before each step (a person reading and typing; zero for a bot).
/// </summary>
internal static class Questionnaire
{
    public static async Task<QuestionnairePage> ReachReviewAsync(HttpClient http, Func<Task> think, CancellationToken cancellationToken)
    {
        var page = await GetAsync(http, "/en/report/witness", cancellationToken);
        for (var i = 0; i < 12 && page.Status == System.Net.HttpStatusCode.OK && page.Step != "review"; i++)
        {
            await think();
            (string, string)[] answers = page.Step switch
            {
                "danger" => [("immediateDanger", "no")],
                "what" => [("exploitationTypes", "labour"), ("signs", "fear"), ("minorsInvolved", "no")],
                "account" => [("description", "They work every night in the car wash and never leave.")],
                _ => [],
            };
            page = await PostAsync(http, page, "next", answers, cancellationToken);
        }

        return page;
    }

    public static async Task<QuestionnairePage> GetAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await QuestionnairePage.ReadAsync(response, cancellationToken);
    }

    public static async Task<QuestionnairePage> PostAsync(HttpClient http, QuestionnairePage page, string action, (string, string)[] answers, CancellationToken cancellationToken)
    {
        using var content = page.Post(action, answers);
        using var response = await http.PostAsync(new Uri("/en/report/witness", UriKind.Relative), content, cancellationToken);
        return await QuestionnairePage.ReadAsync(response, cancellationToken);
    }

    /// <summary>Whether a send ended on the receipt page (the redirect was followed).</summary>
    public static bool Sent(QuestionnairePage page) => page.Status == System.Net.HttpStatusCode.OK && page.Url?.AbsolutePath == "/en/report/sent";
}
