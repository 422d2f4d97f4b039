namespace Lantern.Web.Core.Catalogue;

/// <summary>
/// The enabled forms of exploitation and signs, read once and kept in memory: every questionnaire page
/// and every submission needs them, and they change only when an administrator edits them.
/// </summary>
public sealed class ReportingCatalogue(IServiceScopeFactory scopes)
{
    public const string UnknownForm = "unknown";

    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<string>> FormsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Forms;

    public async Task<IReadOnlyList<string>> SignsAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Signs;

    /// <summary>Forget the cached lists, after an edit.</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } snapshot)
        {
            return snapshot;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        var forms = await db.ExploitationForms.AsNoTracking().Where(f => f.Enabled).OrderBy(f => f.SortOrder).Select(f => f.Code).ToListAsync(cancellationToken);
        var signs = await db.Signs.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.SortOrder).Select(s => s.Code).ToListAsync(cancellationToken);
        snapshot = new Snapshot(forms, signs);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyList<string> Forms, IReadOnlyList<string> Signs);
}
