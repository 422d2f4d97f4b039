using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Triage;
using Lantern.Web.Core.Access;
using Microsoft.Extensions.Logging;

namespace Lantern.IntegrationTests.Platform;

/// <summary>Lantern as published: environment Production, appsettings.json alone, the log capture seeing only what that configuration lets through.</summary>
public sealed class ProductionLanternFactory : SqliteLanternFactory
{
    protected override string EnvironmentName => "Production";

    protected override bool CapturesEveryLevel => false;
}

/// <summary>
/// A Production server writes what its configuration asks for and nothing below it: no Debug or Trace line from any
/// category during a crawl of the public site and the back office, and none of ASP.NET Core below Warning
/// (appsettings.json); a first start on a new database raises no warning a newcomer would read as a failure.
/// </summary>
public sealed class ProductionLoggingTests(ProductionLanternFactory factory) : LanternTestBase<ProductionLanternFactory>(factory)
{
    [Fact]
    public async Task ACrawl_WritesNoDebugLine_AndNothingOfAspNetCoreBelowWarning()
    {
        var forms = new FormClient(Factory.CreateClient());
        foreach (var path in new[] { "/en/", "/fr/", "/nl/report/victim", "/de/report/witness", "/en/help", "/fr/help?postcode=2000", "/en/anything-unknown", "/staff" })
        {
            Assert.True((await forms.GetAsync(path, Cancellation)).Status is HttpStatusCode.OK or HttpStatusCode.NotFound, path);
        }

        var page = await forms.GetAsync("/en/report/witness", Cancellation);
        await page.Form("#questionnaire").Check("immediateDanger", "no").PressAsync("action", "next", Cancellation);
        using var expired = new FormUrlEncodedContent(new Dictionary<string, string> { ["step"] = "danger" });
        using var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri("/fr/report/victim", UriKind.Relative), expired, Cancellation)).StatusCode);
        var report = await SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);
        var (_, analyst) = await StaffSessions.SignInAsAsync(Factory, StaffRoles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/staff/reports/" + report.Reference, Cancellation)).Status);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/staff", Cancellation)).Status);

        var entries = Factory.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level < LogLevel.Information);
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
        Assert.Contains(entries, e => e.Category.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal) || e.Category.StartsWith("Lantern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFirstStart_OnANewDatabase_WarnsOfNoMigrationStep()
    {
        using var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation)).StatusCode);

        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(Factory.Logs.Entries, e => e.Message.Contains("PRAGMA foreign_keys", StringComparison.Ordinal));
    }
}
