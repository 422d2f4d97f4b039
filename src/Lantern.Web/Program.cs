using Lantern.Web.Detection;
using Lantern.Web.Platform;
using Lantern.Web.Referrals;
using Lantern.Web.Reporting;

var builder = WebApplication.CreateBuilder(args);

// Platform: options, data directory and keys, database, languages, security headers, rate limits
builder.AddPlatform();

// Capabilities
builder.Services.AddReporting();
builder.Services.AddDetection();
builder.Services.AddReferrals();

var app = builder.Build();

// First run creates the database, the keys and the seed data
await app.PrepareAsync();

app.UsePlatform();

// Endpoints: health, OpenAPI, language redirect and pages, then each capability's API
app.MapPlatform();
app.MapReporting();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
