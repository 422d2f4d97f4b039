using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.IntegrationTests.Reporting.Files;
using Lantern.Web.Platform.Localisation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.IntegrationTests.Platform;

/// <summary>
/// Lantern with one fault planted for the 500 page: a request carrying <see cref="Header"/> throws inside the page,
/// after routing and localisation, where a real bug would.
/// </summary>
public sealed class FaultyPageLanternFactory : SqliteLanternFactory
{
    public const string Header = "X-Lantern-Test-Fault";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(new FaultFilter())));
    }

    private sealed class FaultFilter : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(Header) && !context.HttpContext.Request.Path.StartsWithSegments("/error", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A fault planted by the test.");
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }
}

/// <summary>
/// The status pages (404, 400, 413, 500) speak the reader's language: the language of the address that failed, else
/// the browser's Accept-Language, else the default; never English because the error page's own address has no language.
/// </summary>
public sealed class ErrorPageLanguageTests(FaultyPageLanternFactory factory) : LanternTestBase<FaultyPageLanternFactory>(factory)
{
    public static TheoryData<string> Languages => [.. LanguageSettings.DefaultEnabled];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task NotFound_UnderALanguage_IsInThatLanguage(string language)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{language}/anything-unknown");
        request.Headers.TryAddWithoutValidation("Accept-Language", language == "de" ? "nl" : "de");

        using var response = await client.SendAsync(request, Cancellation);

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, language, "error.404.title");
    }

    [Theory]
    [InlineData("nl-BE,nl;q=0.9", "nl")]
    [InlineData("de", "de")]
    [InlineData("ja", "en")]
    public async Task NotFound_WithoutALanguageInTheAddress_FollowsAcceptLanguage(string acceptLanguage, string expected)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/anything-unknown");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await client.SendAsync(request, Cancellation);

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, expected, "error.404.title");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task BadRequest_AnExpiredForm_IsInTheFormsLanguage(string language)
    {
        // A form posted after its session cookies are gone (the browser was closed) fails antiforgery: 400.
        using var client = CreateClientWithoutRedirects();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["step"] = "danger", ["draft"] = "expired", ["action"] = "next" });

        using var response = await client.PostAsync(new Uri($"/{language}/report/victim", UriKind.Relative), form, Cancellation);

        await AssertErrorPageAsync(response, HttpStatusCode.BadRequest, language, "error.400.title");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TooLarge_AnUploadBeyondTheLimit_IsInTheFormsLanguage(string language)
    {
        using var client = CreateBrowserClient();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("review"), "step");
        form.Add(new ByteArrayContent(TestFiles.LargePdf(52 * 1024 * 1024)), "files", "big.pdf");

        using var response = await client.PostAsync(new Uri($"/{language}/report/witness", UriKind.Relative), form, Cancellation);

        await AssertErrorPageAsync(response, HttpStatusCode.RequestEntityTooLarge, language, "error.413.title");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ServerError_UnderALanguage_IsInThatLanguage(string language)
    {
        using var client = CreateClientWithoutRedirects();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/{language}/");
        request.Headers.Add(FaultyPageLanternFactory.Header, "1");
        request.Headers.TryAddWithoutValidation("Accept-Language", language == "de" ? "nl" : "de");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request, Cancellation);

        await AssertErrorPageAsync(response, HttpStatusCode.InternalServerError, language, "error.500.title");
    }

    private async Task AssertErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string language, string titleKey)
    {
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {html}");
        using var document = await new HtmlParser().ParseDocumentAsync(html, Cancellation);
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();
        Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(texts.Get(language, titleKey), document.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal($"/{language}/", document.QuerySelector("main p a")?.GetAttribute("href"));
    }
}

/// <summary>Over a real socket, a form body beyond Kestrel's 1 MiB limit answers 413 with the page in the form's language.</summary>
public sealed class ErrorPageLanguageOverKestrelTests(KestrelLanternFactory factory) : LanternTestBase<KestrelLanternFactory>(factory)
{
    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    public async Task AFormBodyBeyondTheServersLimit_Answers413_InTheFormsLanguage(string language)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = Factory.Address };
        using var form = new StringContent("step=danger&notes=" + new string('a', 2 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri($"/{language}/report/victim", UriKind.Relative), form, Cancellation);

        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}: {html}");
        using var document = await new HtmlParser().ParseDocumentAsync(html, Cancellation);
        var texts = Factory.Services.GetRequiredService<TextCatalogue>();
        Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(texts.Get(language, "error.413.title"), document.QuerySelector("main h1")?.TextContent.Trim());
    }
}
