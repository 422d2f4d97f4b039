using System.Buffers.Binary;
using System.Text;

namespace Lantern.Web.Core.Files;

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
