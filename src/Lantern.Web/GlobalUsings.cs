// The vocabulary every folder shares, imported once here instead of at the top of each file: the report core (the
// report, who may see it, the database, the audit trail), the platform's localisation and use-case outcomes, and the
// framework namespaces nearly every use case needs. A capability's own namespaces, and another capability's, are
// still imported file by file, so an edge between capabilities stays visible where it is made. Which folder may
// really use which is not decided by imports but by the types used: tests/Lantern.Tests/Architecture checks that.
global using System.Globalization;
global using Lantern.Web.Core.Access;
global using Lantern.Web.Core.Audit;
global using Lantern.Web.Core.Persistence;
global using Lantern.Web.Core.Reports;
global using Lantern.Web.Platform.Localisation;
global using Lantern.Web.Platform.Outcomes;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
global using Microsoft.Extensions.Options;
