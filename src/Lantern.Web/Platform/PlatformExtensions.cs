using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Lantern.Web.Platform.Background;
using Lantern.Web.Platform.Crypto;
using Lantern.Web.Platform.DataProtectionKeys;
using Lantern.Web.Platform.Mail;
using Lantern.Web.Platform.Observability;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.Caching;
using Lantern.Web.Platform.Web.EndedCookies;
using Lantern.Web.Platform.Web.Escape;
using Lantern.Web.Platform.Web.Floods;
using Lantern.Web.Platform.Web.Uploads;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;

namespace Lantern.Web.Platform;

/// <summary>What every capability relies on: options, data directory, keys, languages, web hardening (the database is the core's: <c>Core/Persistence</c>).</summary>
public static partial class PlatformExtensions
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        services.AddOptions<LanternOptions>().Bind(configuration.GetSection(LanternOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section));
        services.AddOptions<KeyOptions>().Bind(configuration.GetSection(KeyOptions.Section));
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section));
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, Logging.MvcArgumentLogging>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataDirectory>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<ReceiptDeriver>();
        services.AddSingleton<BlindIndex>();
        services.AddLocalisation(configuration);
        services.AddMail(configuration);
        services.AddRateLimits(configuration);
        services.AddScoped<VisitEnd>();
        services.AddScoped<EndedCookieIds>();
        services.AddHostedService<EndedCookieSweep>();

        // Floods: stateless proof-of-work challenges under a key derived from keys/data-protection.key, spent ones in the database.
        services.AddOptions<FloodOptions>().Bind(configuration.GetSection(FloodOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChallengeKey>();
        services.AddSingleton<ProofOfWork>();
        services.AddScoped<SpentChallenges>();
        services.AddHostedService<SpentChallengeSweep>();

        // Antiforgery and data protection: the key ring in the database (every node reads what another wrote), its
        // secrets encrypted under keys/data-protection.key, which is never in the database.
        services.AddSingleton<ClusterWork>();
        services.AddSingleton<DataProtectionKeyFile>();
        services.AddSingleton<KeyFileXmlEncryptor>();
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("Lantern");
        services.AddOptions<KeyManagementOptions>().Configure<DatabaseXmlRepository, KeyFileXmlEncryptor>((options, repository, encryptor) =>
        {
            options.XmlRepository = repository;
            options.XmlEncryptor = encryptor;

            // Keys are made at start and by a background job (KeyRingUpkeep), never from inside a request.
            options.AutoGenerateKeys = false;
        });
        services.AddHostedService<KeyRingUpkeepJob>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "lantern.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.FormFieldName = "__af";
        });

        // Razor writes every character outside Basic Latin as a numeric reference by default (&#x627;: 8 bytes where
        // UTF-8 needs 2), which would make an Arabic or Thai page several times heavier than the same page in French.
        // The encoder still escapes what HTML needs escaped (<, >, &, quotes) whatever the ranges allowed.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            // Pages live in their capability's folder (Reporting/Pages, Content/Pages...), each with an absolute route.
            options.RootDirectory = "/";
        });
        services.AddSharedPageCache();
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        services.AddHealthChecks();
        services.AddObservability(builder.Configuration);
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<LanternOptions>>().Value.KnownProxies;
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<SecurityHeaders>();

        // A page that fails or answers an error status gets the error page (re-executed at /error/500 for an exception,
        // with the status chosen here, or at /error/{status}), in the language of the address that failed; the API
        // answers problem details.
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages(ApiStatusCodes.WriteProblemAsync);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<RoleGate>();
        app.UseLocalisation();

        // Limits before authentication: a request that fails authentication (a probed bearer token) is counted
        // too. The limits are per client address, never per account, so nothing here needs to know who signed in.
        app.UseRateLimiter();
        app.UseMiddleware<TokenProbeGate>();
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication: a signed-in staff member is never served a stored page (see SharedPageCache).
        app.UseOutputCache();

        // Before anything reads a file-carrying form (antiforgery first of all): see EncryptedFormReader.
        app.UseMiddleware<EncryptedFormReader>();
        app.UseMiddleware<PageFormReader>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapHealthProbes();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapLanguageRedirect();
        app.MapEscape();
        app.MapChallengeApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>A request the server could not read (too large, cut short) is the client's problem, not a 500.</summary>
    // A request the server could not read (too large, cut short) is the client's problem, not a 500.
    // A database that could not take a write now (SQLite busy past its timeout, a PostgreSQL serialization
    // failure or deadlock) is unavailable for a moment, not broken: 503, to be sent again.
    private static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when Persistence.DatabaseErrors.IsContention(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Lantern:StaffBaseUrl when it is configured, else the address the server listens on, else the default.</summary>
    public static string StaffBaseUrl(IConfiguration configuration, IEnumerable<string> listening)
    {
        var configured = configuration[LanternOptions.Section + ":" + nameof(LanternOptions.StaffBaseUrl)];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        // "Listen on every interface" is no address a browser can open: the same port on localhost is.
        var address = listening.FirstOrDefault();
        return address is null
            ? new LanternOptions().StaffBaseUrl
            : AnyHost().Replace(address, "://localhost").TrimEnd('/');
    }

    [GeneratedRegex(@"://(?:\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)")]
    private static partial Regex AnyHost();
}
