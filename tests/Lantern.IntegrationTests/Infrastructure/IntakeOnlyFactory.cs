using Lantern.Web.Platform.Crypto;

namespace Lantern.IntegrationTests.Infrastructure;

/// <summary>A Lantern factory that runs an intake-only process: the public deployment of docs/OPERATIONS.md.</summary>
public interface IIntakeOnlyFactory
{
    /// <summary>The staff key pair whose public half alone the process holds; the test plays the back office with it.</summary>
    StaffKeyPair StaffKeys { get; }
}

/// <summary>
/// Prepares a data directory as OPERATIONS.md says for the public host: <c>keys/staff/{id}.pub</c> and
/// <c>keys/staff/current</c> copied from the back office, no <c>.key</c> file, and <c>Lantern:Role=Intake</c>.
/// The private half stays with the test, which opens stored reports as the back office would.
/// </summary>
public static class IntakeOnlyKeys
{
    public static StaffKeyPair PrepareFolder(string dataDirectory)
    {
        var keys = StaffKeyPair.Generate();
        var folder = Path.Combine(dataDirectory, "keys", "staff");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, keys.Id + ".pub"), keys.ExportPublicPem());
        File.WriteAllText(Path.Combine(folder, "current"), keys.Id);
        return keys;
    }

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Lantern:Role"] = "Intake" };
}

/// <summary>An intake-only process on SQLite.</summary>
public sealed class IntakeOnlySqliteFactory : SqliteLanternFactory, IIntakeOnlyFactory
{
    public IntakeOnlySqliteFactory() => StaffKeys = IntakeOnlyKeys.PrepareFolder(DataDirectory);

    public StaffKeyPair StaffKeys { get; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => IntakeOnlyKeys.Settings;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        StaffKeys.Dispose();
    }
}

/// <summary>An intake-only process on PostgreSQL.</summary>
public sealed class IntakeOnlyPostgresFactory : PostgresLanternFactory, IIntakeOnlyFactory
{
    public IntakeOnlyPostgresFactory() => StaffKeys = IntakeOnlyKeys.PrepareFolder(DataDirectory);

    public StaffKeyPair StaffKeys { get; }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => IntakeOnlyKeys.Settings;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        StaffKeys.Dispose();
    }
}
