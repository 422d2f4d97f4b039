namespace Lantern.Web.Platform.Logging;

/// <summary>
/// Keeps ASP.NET Core MVC's Trace messages out of every log, whatever the configuration asks for: at Trace, MVC
/// writes the arguments of each page handler ("Executing handler method … with arguments (…)"), which are form
/// values such as a receipt, a message, a decline or withdrawal reason. Applied after all other logging
/// configuration: every rule, and a catch-all rule at the configured minimum, carries a filter that refuses exactly
/// Trace for the <c>Microsoft.AspNetCore.Mvc</c> categories. Levels are left as configured (the rule a logger uses is
/// whichever the configuration selects, so no appsettings entry can lower the guard, and the guard lowers nothing:
/// MVC at Warning stays at Warning).
/// </summary>
internal sealed class MvcArgumentLogging : IPostConfigureOptions<LoggerFilterOptions>
{
    public const string Category = "Microsoft.AspNetCore.Mvc";

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var rules = options.Rules.Select(r => new LoggerFilterRule(r.ProviderName, r.CategoryName, r.LogLevel, Guard(r.Filter))).ToList();

        // A logger no rule matches falls back to MinLevel without any filter: this rule, matching everything at the
        // same level, is the one it selects instead. The least specific of all, so it wins over no configured rule.
        rules.Insert(0, new LoggerFilterRule(null, null, options.MinLevel, Guard(null)));

        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }
    }

    /// <summary>The rule's own filter, with MVC's Trace refused first.</summary>
    private static Func<string?, string?, LogLevel, bool> Guard(Func<string?, string?, LogLevel, bool>? filter) =>
        (provider, category, level) => !(level == LogLevel.Trace && IsWithinMvc(category)) && (filter is null || filter(provider, category, level));

    private static bool IsWithinMvc(string? category) => category is not null && category.StartsWith(Category, StringComparison.OrdinalIgnoreCase);
}
