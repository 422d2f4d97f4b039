namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// All key material of this process, loaded once at start-up. None of it ever goes into the database.
/// Layout of the keys folder: <c>index.key</c>, <c>receipt-pepper.key</c>, <c>audit.key</c>, <c>staff/current</c> (the id of
/// the key new reports are sealed to) and <c>staff/{id}.key</c> / <c>staff/{id}.pub</c> per generation.
/// </summary>
public sealed class KeyRing : IDisposable
{
    private readonly Dictionary<string, StaffKeyPair> _staffKeys;

    public KeyRing(DataDirectory dataDirectory, IOptions<KeyOptions> options, IOptions<LanternOptions> lantern)
    {
        var keys = options.Value;
        var folder = dataDirectory.KeysFolder;
        IndexKey = keys.IndexKey is { Length: > 0 } index
            ? Decode(index, nameof(KeyOptions.IndexKey))
            : KeyFiles.ReadOrCreateSecret(Path.Combine(folder, "index.key"), 32);
        ReceiptPepper = keys.ReceiptPepper is { Length: > 0 } pepper
            ? Decode(pepper, nameof(KeyOptions.ReceiptPepper))
            : KeyFiles.ReadOrCreateSecret(Path.Combine(folder, "receipt-pepper.key"), 32);

        // The intake-only process writes no audit entries: it neither needs nor creates the audit key.
        AuditKey = keys.AuditKey is { Length: > 0 } audit
            ? Decode(audit, nameof(KeyOptions.AuditKey))
            : lantern.Value.Role == LanternRole.Intake ? null : KeyFiles.ReadOrCreateSecret(Path.Combine(folder, "audit.key"), 32);

        _staffKeys = [];
        RetiredStaffKeyIds = new HashSet<string>(StringComparer.Ordinal);
        if (keys.StaffPrivateKey is { Length: > 0 } privatePem)
        {
            CurrentStaffKey = StaffKeyPair.FromPrivatePem(privatePem);
        }
        else if (keys.StaffPublicKey is { Length: > 0 } publicPem)
        {
            CurrentStaffKey = StaffKeyPair.FromPublicPem(publicPem);
        }
        else
        {
            CurrentStaffKey = LoadStaffKeysFromFolder(Path.Combine(folder, "staff"), lantern.Value.Role != LanternRole.Intake);
            RetiredStaffKeyIds = StaffKeyFolder.ReadRetired(Path.Combine(folder, "staff"));
        }

        _staffKeys[CurrentStaffKey.Id] = CurrentStaffKey;
    }

    public byte[] IndexKey { get; }

    public byte[] ReceiptPepper { get; }

    /// <summary>The key of the audit chain's HMAC; null in an intake-only process.</summary>
    public byte[]? AuditKey { get; }

    public StaffKeyPair CurrentStaffKey { get; }

    /// <summary>Staff keys replaced by a rotation (<see cref="StaffKeyFolder"/>): their reports are re-sealed to the current one.</summary>
    public IReadOnlySet<string> RetiredStaffKeyIds { get; }

    public StaffKeyPair? FindStaffKey(string id) => _staffKeys.GetValueOrDefault(id);

    public void Dispose()
    {
        foreach (var key in _staffKeys.Values)
        {
            key.Dispose();
        }
    }

    private StaffKeyPair LoadStaffKeysFromFolder(string folder, bool needsPrivateKeys)
    {
        DataDirectory.CreateOwnerOnly(folder);
        var currentFile = Path.Combine(folder, "current");
        if (!File.Exists(currentFile))
        {
            var created = StaffKeyPair.Generate();
            KeyFiles.WriteOwnerOnly(Path.Combine(folder, created.Id + ".key"), created.ExportPrivatePem());
            KeyFiles.WriteOwnerOnly(Path.Combine(folder, created.Id + ".pub"), created.ExportPublicPem());
            KeyFiles.WriteOwnerOnly(currentFile, created.Id);
        }

        var currentId = File.ReadAllText(currentFile).Trim();
        StaffKeyPair? current = null;
        foreach (var publicFile in Directory.EnumerateFiles(folder, "*.pub"))
        {
            var id = Path.GetFileNameWithoutExtension(publicFile);
            var privateFile = Path.Combine(folder, id + ".key");
            var pair = needsPrivateKeys && File.Exists(privateFile)
                ? StaffKeyPair.FromPrivatePem(File.ReadAllText(privateFile))
                : StaffKeyPair.FromPublicPem(File.ReadAllText(publicFile));
            _staffKeys[pair.Id] = pair;
            if (pair.Id == currentId)
            {
                current = pair;
            }
        }

        return current ?? throw new InvalidOperationException($"The current staff key {currentId} is missing from {folder}.");
    }

    private static byte[] Decode(string base64, string name)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"Lantern:Keys:{name} must be 32 bytes in base64.");
    }
}
