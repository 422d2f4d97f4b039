using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lantern.BrowserTests.Infrastructure;

/// <summary>axe-core run inside the page as the browser rendered it.</summary>
public static class Accessibility
{
    /// <summary>
    /// Fails with one line per violation (rule, impact, help, the elements concerned). The page must run
    /// JavaScript; for a session without it use <see cref="BrowserSession.AssertAccessibleAsync"/>.
    /// </summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        // axe never finishes in a page without JavaScript: fail clearly rather than hang the run.
        var result = await page.RunAxe().WaitAsync(TimeSpan.FromMinutes(1));
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.Append(CultureInfo.InvariantCulture, $"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                report.Append(CultureInfo.InvariantCulture, $"\n    at {node.Target}: {string.Join("; ", checks)}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
