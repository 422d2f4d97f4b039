using Lantern.Web.Core.Persistence;
using Lantern.Web.Detection;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>How many rows every report table holds: equal before and after a rejected request means nothing was half-saved.</summary>
public sealed record ReportRows(int Reports, int Items, int Forms, int Signs, int EntityIndex)
{
    public static async Task<ReportRows> CountAsync(LanternFactory factory, CancellationToken cancellationToken) =>
        await factory.WithDbAsync(async (LanternDbContext db) => new ReportRows(
            await db.Reports.CountAsync(cancellationToken),
            await db.ReportItems.CountAsync(cancellationToken),
            await db.ReportForms.CountAsync(cancellationToken),
            await db.ReportSigns.CountAsync(cancellationToken),
            await db.EntityIndex.CountAsync(cancellationToken)));
}
