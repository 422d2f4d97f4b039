using Microsoft.Extensions.Options;

namespace Lantern.Web.Platform.Logging;

/// <summary>
/// Keeps ASP.NET Core MVC's Trace messages out of every log, whatever the configuration asks for: at Trace, MVC
/// writes the arguments of each page handler ("Executing handler method … with arguments (…)"), which are form
/// values such as a receipt, a message, a decline or withdrawal reason. Applied after all other logging
/// configuration: every rule that reaches the <c>Microsoft.AspNetCore.Mvc</c> categories is raised to Debug at
/// least, for every provider, so no appsettings entry (general, per category or per provider) can lower it again.
/// </summary>
internal sealed class MvcArgumentLogging : IPostConfigureOptions<LoggerFilterOptions>
{
    public const string Category = "Microsoft.AspNetCore.Mvc";

    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        var rules = options.Rules.Select(r => IsWithinMvc(r.CategoryName) && Below(r.LogLevel) ? new LoggerFilterRule(r.ProviderName, r.CategoryName, LogLevel.Debug, r.Filter) : r).ToList();

        // The rule a logger uses is the most specific one of its provider: one for MVC per provider, and one for all.
        foreach (var provider in rules.Select(r => r.ProviderName).Append(null).Distinct().ToList())
        {
            if (!rules.Any(r => r.ProviderName == provider && r.CategoryName == Category))
            {
                rules.Add(new LoggerFilterRule(provider, Category, LogLevel.Debug, null));
            }
        }

        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }
    }

    private static bool IsWithinMvc(string? category) => category is not null && category.StartsWith(Category, StringComparison.OrdinalIgnoreCase);

    private static bool Below(LogLevel? level) => level is null or < LogLevel.Debug;
}
