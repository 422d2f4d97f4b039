using System.Security.Cryptography;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Reads files once before anything is stored (type by content, whole, limits per file and in all), so that an
/// ordinary refusal stores nothing at all: the questionnaire's last step and a reporter's message both check first.
/// </summary>
public static class FileCheck
{
    /// <summary>The first refusal among <paramref name="files"/>, or null when all of them may be stored.</summary>
    public static async Task<FileRefusedException?> FirstRefusalAsync(IReadOnlyList<IFormFile> files, FilesOptions limits, CancellationToken cancellationToken)
    {
        var buffer = new byte[limits.ChunkBytes];
        long total = 0;
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                return new FileRefusedException(FileRefusal.Empty);
            }

            if (FileTypes.Sniff(buffer.AsSpan(0, read)) is not { } type)
            {
                return new FileRefusedException(FileRefusal.Type);
            }

            var inspector = new FileInspector(type);
            while (read > 0)
            {
                inspector.Append(buffer.AsSpan(0, read));
                if (inspector.Length > limits.MaxFileBytes)
                {
                    return new FileRefusedException(FileRefusal.FileTooLarge);
                }

                if (total + inspector.Length > limits.MaxReportBytes)
                {
                    return new FileRefusedException(FileRefusal.ReportTooLarge);
                }

                read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            }

            if (!inspector.IsWhole())
            {
                return new FileRefusedException(FileRefusal.Truncated);
            }

            total += inspector.Length;
        }

        CryptographicOperations.ZeroMemory(buffer);
        return null;
    }
}
