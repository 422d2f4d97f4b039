namespace Lantern.Web.Platform.Crypto;

/// <summary>
/// The staff keys' folder, <c>keys/staff/</c>: <c>{id}.key</c> and <c>{id}.pub</c> per generation, <c>current</c> (the
/// id new reports are sealed to) and <c>retired</c> (one id per line: keys whose reports are to be re-sealed to the
/// current one). Only the rotation writes <c>retired</c>, so a node that has not received the new key yet (its own
/// <c>current</c> still the old one, no <c>retired</c> line for it) never re-seals anything back to an old key.
/// </summary>
public static class StaffKeyFolder
{
    public const string Current = "current";
    public const string Retired = "retired";

    public static string PathIn(DataDirectory dataDirectory) => Path.Combine(dataDirectory.KeysFolder, "staff");

    /// <summary>The ids listed in <c>retired</c> (none when the file is absent).</summary>
    public static IReadOnlySet<string> ReadRetired(string folder)
    {
        var file = Path.Combine(folder, Retired);
        return File.Exists(file)
            ? File.ReadAllLines(file).Select(line => line.Trim()).Where(line => line.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Creates a new key pair, lists the current one as retired and makes the new one current (the last step a rename,
    /// so <c>current</c> is never half written). Answers the old and new ids.
    /// </summary>
    public static (string Old, string New) Rotate(string folder)
    {
        var currentFile = Path.Combine(folder, Current);
        var old = File.ReadAllText(currentFile).Trim();
        using var created = StaffKeyPair.Generate();
        KeyFiles.WriteOwnerOnly(Path.Combine(folder, created.Id + ".key"), created.ExportPrivatePem());
        KeyFiles.WriteOwnerOnly(Path.Combine(folder, created.Id + ".pub"), created.ExportPublicPem());

        var retired = ReadRetired(folder).Append(old).Distinct(StringComparer.Ordinal).Where(id => id != created.Id);
        ReplaceOwnerOnly(Path.Combine(folder, Retired), string.Join('\n', retired) + "\n");
        ReplaceOwnerOnly(currentFile, created.Id);
        return (old, created.Id);
    }

    private static void ReplaceOwnerOnly(string path, string content)
    {
        var next = path + ".next";
        File.Delete(next);
        KeyFiles.WriteOwnerOnly(next, content);
        File.Move(next, path, overwrite: true);
    }
}
