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
        // axe never finishes in a page without JavaScript: fail clearly rather than hang the run. The legacy
        // runner (axe injected into the page once, not per frame through isolated worlds) finds the same
        // violations on our frameless pages about three times faster, which keeps CI within its time.
        // Obsolete in the package (to be removed some day): the version is pinned; go back to RunAxe() when it goes.
#pragma warning disable CS0618
        var result = await page.RunAxeLegacy().WaitAsync(TimeSpan.FromMinutes(1));
#pragma warning restore CS0618
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
