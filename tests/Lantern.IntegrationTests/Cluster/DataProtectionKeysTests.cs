using System.Text;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Platform;
using Lantern.Web.Platform.DataProtectionKeys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Cluster;

/// <summary>Lantern started on a data directory where an earlier version left its data-protection key ring in files.</summary>
public sealed class FolderKeyRingSqliteFactory : SqliteLanternFactory
{
    public const string Purpose = "Lantern.Tests.Earlier";

    /// <summary>What the earlier version protected (a draft, an authenticator key...).</summary>
    public string Protected { get; private set; } = string.Empty;

    public override ValueTask InitializeAsync()
    {
        Protected = FolderKeyRing.ProtectWithEarlierVersion(DataDirectory);
        return base.InitializeAsync();
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class FolderKeyRingPostgresFactory : PostgresLanternFactory
{
    public string Protected { get; private set; } = string.Empty;

    public override ValueTask InitializeAsync()
    {
        Protected = FolderKeyRing.ProtectWithEarlierVersion(DataDirectory);
        return base.InitializeAsync();
    }
}

public sealed class ShiftedClock(TimeProvider inner, TimeSpan by) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + by;
}

public static class FolderKeyRing
{
    public const string Secret = "an authenticator key of an earlier version";

    /// <summary>Data Protection as Lantern configured it before: key files in keys/data-protection/, not encrypted.</summary>
    public static string ProtectWithEarlierVersion(string dataDirectory)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dataDirectory, "keys", "data-protection"));
        var earlier = DataProtectionProvider.Create(folder, builder => builder.SetApplicationName("Lantern"));
        return earlier.CreateProtector(FolderKeyRingSqliteFactory.Purpose).Protect(Secret);
    }
}

public sealed class DataProtectionKeysTestsOnSqlite(FolderKeyRingSqliteFactory factory) : DataProtectionKeysTests<FolderKeyRingSqliteFactory>(factory)
{
    protected override string ProtectedEarlier => Factory.Protected;
}

public sealed class DataProtectionKeysTestsOnPostgres(FolderKeyRingPostgresFactory factory) : DataProtectionKeysTests<FolderKeyRingPostgresFactory>(factory)
{
    protected override string ProtectedEarlier => Factory.Protected;
}

/// <summary>
/// The data-protection key ring lives in the database (so every node reads what another wrote), its secrets encrypted
/// under keys/data-protection.key, which is not in the database; a key ring left in files by an earlier version is moved in.
/// </summary>
public abstract class DataProtectionKeysTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    protected abstract string ProtectedEarlier { get; }

    [Fact]
    public async Task TheEarlierKeyRing_IsMovedIntoTheDatabase_Encrypted_AndStillOpensWhatItProtected()
    {
        var protection = Factory.Services.GetRequiredService<IDataProtectionProvider>();

        Assert.Equal(FolderKeyRing.Secret, protection.CreateProtector(FolderKeyRingSqliteFactory.Purpose).Unprotect(ProtectedEarlier));

        var stored = await Factory.WithDbAsync(db => db.Set<DataProtectionKeyRow>().AsNoTracking().Select(k => k.Xml).ToListAsync(Cancellation));
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("lanternEncrypted", xml, StringComparison.Ordinal);
        });
        Assert.Empty(Directory.GetFiles(Path.Combine(Factory.DataDirectory, "keys", "data-protection"), "*.xml"));
        Assert.True(File.Exists(Path.Combine(Factory.DataDirectory, "keys", DataProtectionKeyFile.FileName)));
    }

    [Fact]
    public async Task NoStoredByteHoldsAKeyInTheClear()
    {
        // New protections use the ring; whatever the app stored, no master key is readable anywhere.
        Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Lantern.Tests.Now").Protect("now");

        foreach (var stored in await Factory.ReadStoredDataAsync())
        {
            if (stored.Where.StartsWith("keys", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.DoesNotContain("masterKey", Encoding.UTF8.GetString(stored.Bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheNextKey_IsMadeBeforeTheCurrentOneRunsOut_NotByARequest()
    {
        var keyManager = Factory.Services.GetRequiredService<IKeyManager>();
        var now = Factory.Services.GetRequiredService<TimeProvider>();

        // At start a lasting key exists, so nothing is made now.
        Assert.False(KeyRingUpkeep.EnsureCurrentKey(keyManager, now));
        var before = keyManager.GetAllKeys().Count;

        // Eighty days on, the newest key has less than fourteen days left: the upkeep makes the next one, once.
        var later = new ShiftedClock(now, TimeSpan.FromDays(80));
        Assert.True(KeyRingUpkeep.EnsureCurrentKey(keyManager, later));
        Assert.False(KeyRingUpkeep.EnsureCurrentKey(keyManager, later));
        Assert.Equal(before + 1, keyManager.GetAllKeys().Count);
        Assert.False(Factory.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.AutoGenerateKeys);
    }

    [Fact]
    public async Task AProcessWithAnotherKeyFile_RefusesTheStoredKeyRing_WithTheReason()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "lantern-otherkey-" + Guid.NewGuid().ToString("N"));
        try
        {
            var otherDirectory = new DataDirectory(
                Options.Create(new LanternOptions { DataDirectory = elsewhere }), Factory.Services.GetRequiredService<IHostEnvironment>());
            var otherKey = new DataProtectionKeyFile(otherDirectory);
            var repository = new DatabaseXmlRepository(
                Factory.Services.GetRequiredService<IServiceScopeFactory>(), otherKey, new KeyFileXmlEncryptor(otherKey), otherDirectory,
                NullLogger<DatabaseXmlRepository>.Instance);
            Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Lantern.Tests.Now").Protect("now");

            var refused = Assert.Throws<InvalidOperationException>(repository.GetAllElements);

            Assert.Contains("data-protection.key", refused.Message, StringComparison.Ordinal);
            await Task.CompletedTask;
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
