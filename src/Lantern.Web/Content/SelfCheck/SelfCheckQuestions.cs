namespace Lantern.Web.Content.SelfCheck;

/// <summary>
/// The self-check's questions, in order, each with the sign of the questionnaire it stands for (so the answers can be
/// carried into a report). Every question is asked so that "yes" is the worrying answer.
/// </summary>
public static class SelfCheckQuestions
{
    /// <summary>The first question: about the person answering, or about someone else (the report's path).</summary>
    public const string Who = "who";

    public const string Me = "me";

    public const string Other = "other";

    /// <summary>Question code → the sign it stands for (the catalogue's codes, <c>sign.*</c>).</summary>
    public static readonly IReadOnlyList<(string Code, string Sign)> Signs =
    [
        ("work", "hours"),
        ("pay", "wages"),
        ("documents", "documents"),
        ("housing", "housing"),
        ("freedom", "control"),
        ("threats", "threats"),
        ("debt", "debt"),
    ];

    /// <summary>The answers that, said "yes", put the emergency numbers first.</summary>
    public static readonly string[] Danger = ["freedom", "threats"];

    public static readonly string[] Answers = ["yes", "no", "unknown"];

    /// <summary>Every page: who, then the questions.</summary>
    public static IReadOnlyList<string> Pages { get; } = [Who, .. Signs.Select(s => s.Code)];
}
