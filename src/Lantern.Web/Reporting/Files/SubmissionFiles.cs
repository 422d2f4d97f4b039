using Lantern.Web.Core.Files;

namespace Lantern.Web.Reporting.Files;

/// <summary>
/// Files sent with a new report (the questionnaire's last step). The report is written by <c>SubmitReport</c>
/// through the group-committing <c>ReportWriter</c>, in a transaction that cannot also stream megabytes of
/// chunks; so instead of one transaction the rule is "no receipt before every file is stored":
/// <list type="number">
/// <item><see cref="CheckAsync"/> reads every file once before anything is written (type by content, whole,
/// limits per file and in all), so an ordinary refusal stores nothing at all;</item>
/// <item>the report is stored;</item>
/// <item><see cref="StoreAsync"/> stores each file under the report's data key; if any of them fails (a
/// refusal found only now, such as an image too large in pixels, the database, the sender going away), every
/// file and the report itself are removed, and the person sees the error instead of a receipt.</item>
/// </list>
/// A report is thus acknowledged (the receipt shown) only with all its files, and nothing is left half-saved.
/// </summary>
public sealed class SubmissionFiles(ReportFileStore store, IServiceScopeFactory scopes, IOptions<FilesOptions> options)
{
    /// <summary>The first refusal among <paramref name="files"/>, or null when all of them may be stored (<see cref="FileCheck"/>).</summary>
    public Task<FileRefusedException?> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken) =>
        FileCheck.FirstRefusalAsync(files, options.Value, cancellationToken);

    /// <summary>
    /// Stores the files of the report just submitted as the reporter's, under <paramref name="dataKey"/>: the key
    /// <c>SubmitReport</c> has just made (never the sealed copy, which only the back office can open: an intake-only
    /// process holds no staff private key). On any failure the report is removed with everything of it, and the
    /// exception is rethrown (a <see cref="FileRefusedException"/> the person can act on).
    /// </summary>
    public async Task StoreAsync(Guid reportId, ReadOnlyMemory<byte> dataKey, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var file in files)
            {
                await using var content = file.OpenReadStream();
                await store.AddAsync(reportId, dataKey, content, file.FileName, null, null, cancellationToken);
            }
        }
        catch
        {
            // Not acknowledged, so not kept: the person sends again, nothing half of it stays.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            await db.Reports.Where(r => r.Id == reportId).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }
}
