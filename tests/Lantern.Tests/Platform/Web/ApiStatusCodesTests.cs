using System.Text.Json;
using Lantern.Web.Platform.Localisation;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.Tests.Platform.Web;

/// <summary>The API's bodiless error answers: a 413 states what is true for the endpoint that refused.</summary>
public sealed class ApiStatusCodesTests
{
    private static readonly TextCatalogue _texts = new();

    [Fact]
    public async Task A413_StatesTheLimitOfTheEndpointThatRefused()
    {
        var title = await TitleAsync(StatusCodes.Status413PayloadTooLarge, new BodyLimit(16 * 1024));

        Assert.Equal(_texts.Get("en", BodyLimit.DefaultMessageKey, 16), title);
        Assert.Contains("16", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A413_FromAnEndpointWithoutADeclaredLimit_NamesNoLimit()
    {
        var title = await TitleAsync(StatusCodes.Status413PayloadTooLarge, limit: null);

        // Not the report API's "at most 64 KB": that endpoint did not refuse.
        Assert.Equal(_texts.Get("en", "api.status.413"), title);
        Assert.DoesNotContain("64", title, StringComparison.Ordinal);
    }

    private static async Task<string?> TitleAsync(int status, BodyLimit? limit)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails();
        services.AddSingleton(_texts);
        services.AddSingleton(new LanguageSettings(Options.Create(new LanguageOptions { Enabled = ["en", "fr"], Default = "en" }), new TextCatalogue()));
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Headers.AcceptLanguage = "en";
        context.Response.StatusCode = status;
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(new Endpoint(null, limit is null ? EndpointMetadataCollection.Empty : new EndpointMetadataCollection(limit), "test"));

        await ApiStatusCodes.WriteProblemAsync(new StatusCodeContext(context, new StatusCodePagesOptions(), _ => Task.CompletedTask));

        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        return document.RootElement.GetProperty("title").GetString();
    }
}
