namespace Lantern.IntegrationTests.Retention;

/// <summary>
/// The retention rules the tests use: "no further action" erased after 30 days, "unfounded" kept (0), reports in a case
/// kept (absent), the job left disabled (the default).
/// </summary>
public static class RetentionSettings
{
    public const int NoFurtherActionDays = 30;

    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        ["Lantern:Retention:NoFurtherActionDays"] = "30",
        ["Lantern:Retention:UnfoundedDays"] = "0",
        ["Lantern:Retention:IntervalMinutes"] = "1",
    };
}
