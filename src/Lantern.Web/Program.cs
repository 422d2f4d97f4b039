using Lantern.Web.Accounts;
using Lantern.Web.Audit;
using Lantern.Web.Cases;
using Lantern.Web.Content;
using Lantern.Web.Core;
using Lantern.Web.Detection;
using Lantern.Web.FollowUp;
using Lantern.Web.Hosting;
using Lantern.Web.Platform;
using Lantern.Web.Referrals;
using Lantern.Web.Referrals.Directory;
using Lantern.Web.Reporting;
using Lantern.Web.Retention;
using Lantern.Web.Statistics;
using Lantern.Web.Triage;

// "users ...", "audit ...", "detection ...", "retention ..." run an administration command instead of the server (docs/OPERATIONS.md)
var isCommand = AdminCommands.Handles(args);
var builderArgs = isCommand ? [] : args;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = builderArgs,
    ContentRootPath = PublishedContentRoot.Find(builderArgs),
});

// Platform: options, data directory and keys, database, languages, security headers, rate limits
builder.AddPlatform();

// The report core: the database and what every capability shares; the host's own parts (demo content)
builder.Services.AddCore(builder.Configuration);
builder.Services.AddHosting(builder.Configuration);

// Capabilities
builder.Services.AddAudit();
builder.Services.AddAccounts();
builder.Services.AddReporting();
builder.Services.AddFiles();
builder.Services.AddTriage();
builder.Services.AddCases();
builder.Services.AddDetection();
builder.Services.AddReferrals();
builder.Services.AddHelpDirectory();
builder.Services.AddContent();
builder.Services.AddFollowUp();
builder.Services.AddStatistics();
builder.Services.AddRetention();

var app = builder.Build();
if (isCommand)
{
    return await AdminCommands.RunAsync(app, args);
}

// First run creates the database, the keys and the seed data
await app.PrepareAsync();

app.UsePlatform();

// Endpoints: health, OpenAPI, language redirect and pages, then each capability's API
app.MapPlatform();
app.MapReporting();
app.MapFiles();
app.MapAccountsApi();
app.MapTriage();
app.MapReferrals();
app.MapDetection();
app.MapFollowUp();
app.MapStatistics();
app.MapContent();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
