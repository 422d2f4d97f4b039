using System.Buffers.Binary;
using System.Text;

namespace Lantern.Web.Reporting.Files;

/// <summary>
/// The chunk formats of <see cref="ReportFile.Format"/>. Files stored before issue 10 stay readable in
/// <see cref="Legacy"/>; every new file is written <see cref="Bound"/>.
/// </summary>
public static class ReportFileFormat
{
    /// <summary>Chunks and name bound to (report, kind, sequence) only: the row alone said where a file ended.</summary>
    public const int Legacy = 0;

    /// <summary>
    /// Chunks bound also to their file (id, original, type), their index and whether they are the last; the name bound
    /// to its file. A file cut short, extended, spliced with another's chunks or renamed with another's name fails to
    /// read. The format is read from the row and never guessed from the ciphertext, and a bound chunk never reads as a
    /// legacy one, so changing the row's format only makes the file unreadable.
    /// </summary>
    public const int Bound = 1;
}

/// <summary>The associated data that binds a file's chunks and name to the file (<see cref="ReportFileFormat.Bound"/>).</summary>
public static class FileBinding
{
    private const int NameIndex = -1;

    /// <summary>For chunk <paramref name="index"/> of <paramref name="file"/>; <paramref name="last"/> marks where the file ends.</summary>
    public static byte[] Chunk(ReportFile file, int index, bool last) => Write(file, index, last);

    /// <summary>For the name of <paramref name="file"/>.</summary>
    public static byte[] Name(ReportFile file) => Write(file, NameIndex, last: false);

    private static byte[] Write(ReportFile file, int index, bool last)
    {
        var type = Encoding.UTF8.GetBytes(file.ContentType);
        var binding = new byte[16 + 16 + 4 + 1 + type.Length];
        file.Id.TryWriteBytes(binding.AsSpan(0, 16));
        (file.OriginalId ?? Guid.Empty).TryWriteBytes(binding.AsSpan(16, 16));
        BinaryPrimitives.WriteInt32BigEndian(binding.AsSpan(32, 4), index);
        binding[36] = last ? (byte)1 : (byte)0;
        type.CopyTo(binding.AsSpan(37));
        return binding;
    }
}
