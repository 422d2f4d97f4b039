using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Platform;

public sealed class PlatformTestsOnSqlite(SqliteLanternFactory factory) : PlatformTests<SqliteLanternFactory>(factory);

public sealed class PlatformTestsOnPostgres(PostgresLanternFactory factory) : PlatformTests<PostgresLanternFactory>(factory);

/// <summary>What every visitor meets first: health, the language redirect, 404s, the headers of SECURITY.md, the API description.</summary>
public abstract class PlatformTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task Healthz_AnswersOk_WhenTheDatabaseIsReachable()
    {
        using var client = CreateClientWithoutRedirects();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Start_BuildsTheDatabaseByMigrations_AndSeedsIt()
    {
        using var client = CreateClientWithoutRedirects();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation);

        var (modelChanged, applied, pending, organisations, forms, signs, ranges) = await Factory.WithDbAsync(async db => (
            db.Database.HasPendingModelChanges(),
            (await db.Database.GetAppliedMigrationsAsync(Cancellation)).ToList(),
            (await db.Database.GetPendingMigrationsAsync(Cancellation)).ToList(),
            await db.Organisations.CountAsync(Cancellation),
            await db.ExploitationForms.Select(f => f.Code).ToListAsync(Cancellation),
            await db.Signs.CountAsync(Cancellation),
            await db.PostcodeRanges.CountAsync(Cancellation)));

        Assert.False(modelChanged, "the migrations of this provider match the model (scripts/add-migration.sh was run)");
        Assert.NotEmpty(applied);
        Assert.Empty(pending);
        Assert.True(organisations >= 9, "the Belgian organisations are seeded");
        Assert.Contains("labour", forms);
        Assert.Contains("unknown", forms);
        Assert.True(signs >= 10, "the signs are seeded");
        Assert.True(ranges >= 5, "the postcode ranges are seeded");
        Assert.True(File.Exists(Path.Combine(Factory.DataDirectory, "keys", "index.key")), "the keys are created in the data directory");
        Assert.Equal(Factory.Database == DatabaseKind.Sqlite, File.Exists(Path.Combine(Factory.DataDirectory, "lantern.db")));
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(Factory.DataDirectory, "keys")));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(Factory.DataDirectory, "keys", "staff")));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(Factory.DataDirectory, "keys", "data-protection")));
        }
    }

    [Theory]
    [InlineData("fr-BE,fr;q=0.9,en;q=0.8", "/fr/")]
    [InlineData("nl-BE", "/nl/")]
    [InlineData("de-DE,de;q=0.9", "/de/")]
    [InlineData("en-GB,en;q=0.9", "/en/")]
    [InlineData("ja", "/en/")]
    [InlineData("ja-JP,ko;q=0.9", "/en/")]
    [InlineData("ja-JP,zh;q=0.9", "/zh/")]
    [InlineData("sw;q=0.9, nl;q=0.5", "/nl/")]
    [InlineData("es;q=0.9, nl;q=0.5", "/es/")]
    [InlineData(null, "/en/")]
    public async Task Root_RedirectsToTheBrowsersLanguage_OrEnglish(string? acceptLanguage, string expected)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/xx/")]
    [InlineData("/sw/")]
    [InlineData("/xx/report/victim")]
    [InlineData("/EN-US/")]
    public async Task UnknownLanguageInThePath_AnswersNotFound(string path)
    {
        using var client = CreateClientWithoutRedirects();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/")]
    [InlineData("GET", "/xx/")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/nl/help?postcode=2000")]
    [InlineData("GET", "/de/help/payoke")]
    [InlineData("POST", "/api/v1/reports")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string method, string path)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Cancellation);

        SecurityHeaderAssert.Present(response);
    }

    [Fact]
    public async Task OverTls_StrictTransportSecurityIsSent()
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancellation);

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Matches("max-age=(3153[6-9][0-9]{3}|[4-9][0-9]{7}|[0-9]{9,})", hsts);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheReportEndpoint()
    {
        using var client = CreateClientWithoutRedirects();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var post = document.RootElement.GetProperty("paths").GetProperty("/api/v1/reports").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var responses = post.GetProperty("responses");
        foreach (var status in new[] { "201", "400", "413", "415" })
        {
            Assert.True(responses.TryGetProperty(status, out _), "the document lists the " + status + " answer");
        }
    }

    [Fact]
    public async Task PublicResponses_SetNoPersistentCookie()
    {
        using var client = CreateClientWithoutRedirects();

        foreach (var path in new[] { "/", "/healthz", "/xx/", "/en/help?postcode=4000&who=minor", "/fr/help/surya" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
            Assert.DoesNotContain(cookies, c => c.Contains("expires=", StringComparison.OrdinalIgnoreCase) || c.Contains("max-age=", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task TimesReadFromTheDatabase_AreMarkedUtc_WhateverTheProvider()
    {
        var report = await Triage.SubmittedReports.SendAsync(Factory, cancellationToken: Cancellation);

        // One convention (UtcDateTimeConvention) marks them, for entities and projections alike: no reader calls SpecifyKind.
        var (received, projected) = await Factory.WithDbAsync(async db => (
            (await db.Reports.AsNoTracking().FirstAsync(r => r.Reference == report.Reference, Cancellation)).ReceivedAt,
            await db.Reports.Where(r => r.Reference == report.Reference).Select(r => new { r.ReceivedAt }).FirstAsync(Cancellation)));

        Assert.Equal(DateTimeKind.Utc, received.Kind);
        Assert.Equal(DateTimeKind.Utc, projected.ReceivedAt.Kind);
    }
}

/// <summary>The headers SECURITY.md requires on every response.</summary>
public static class SecurityHeaderAssert
{
    public static void Present(HttpResponseMessage response)
    {
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Matches("(^|;) *default-src '(none|self)'", csp);

        // No resource from another origin: no wildcard, no scheme or host source anywhere in the policy.
        Assert.DoesNotMatch("[ ;](\\*|https?:|[a-z0-9.-]+\\.[a-z]{2,})", csp);
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        var permissions = Single(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()" })
        {
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
        }

        Assert.Equal("same-origin", Single(response, "Cross-Origin-Opener-Policy"));
        Assert.False(response.Headers.Contains("Server"), "no Server header");
        Assert.False(response.Headers.Contains("X-Powered-By"), "no X-Powered-By header");
    }

    private static string Single(HttpResponseMessage response, string name)
    {
        var values = response.Headers.TryGetValues(name, out var found)
            ? found
            : response.Content.Headers.TryGetValues(name, out var content) ? content : [];
        return Assert.Single(values);
    }
}
