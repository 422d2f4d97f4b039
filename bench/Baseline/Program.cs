// A bare ASP.NET Core Razor Pages app: no middleware beyond routing, no database, no localisation.
// It renders one page of about the same size as Lantern's home page (BASELINE_PAGE_BYTES), so the
// ratio of the two throughputs is the cost of everything Lantern adds around a page.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

var app = builder.Build();
app.MapRazorPages();
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
