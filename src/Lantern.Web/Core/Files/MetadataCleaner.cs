using PdfSharp.Pdf.IO;

namespace Lantern.Web.Core.Files;

/// <summary>
/// Makes a copy of a PDF or a sound recording without the metadata that can identify who made it: a PDF's
/// document information (author, creator, producer, title, subject, keywords, dates) and XMP packets (document and
/// pages), by PDFsharp; an audio file's tags (ID3v1/v2, APE, MP4 <c>ilst</c>, Vorbis/Opus comments, RIFF INFO,
/// Matroska tags: artist, comments, recording device, location), by TagLib#. The copy is what partners and the
/// reporter get, as images are shown through their rendition; the original stays as evidence.
/// <para>
/// When a file cannot be cleaned (an encrypted or damaged PDF, an audio container TagLib# does not write), the
/// answer is null: the file is kept as it is, and staff are told it may carry metadata before they share it
/// (<see cref="ReportFileInfo.MetadataRemoved"/>).
/// </para>
/// </summary>
public static class MetadataCleaner
{
    /// <summary>Types this cleaner handles (images have their rendition instead).</summary>
    public static bool Handles(FileType type) => !type.IsImage;

    /// <summary>The cleaned copy of <paramref name="original"/>, or null when it cannot be cleaned.</summary>
    public static byte[]? Clean(Stream original, FileType type)
    {
        using var content = new MemoryStream();
        original.CopyTo(content);
        content.Position = 0;
        try
        {
            return type == FileTypes.Pdf ? CleanPdf(content) : CleanAudio(content, type);
        }
#pragma warning disable CA1031 // Any failure of a parser on hostile input means "not cleaned": the caller warns staff.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static byte[] CleanPdf(MemoryStream content)
    {
        using var document = PdfReader.Open(content, PdfDocumentOpenMode.Modify);
        document.Info.Elements.Clear();
        document.Internals.Catalog.Elements.Remove("/Metadata");
        document.Internals.Catalog.Elements.Remove("/PieceInfo");
        foreach (var page in document.Pages)
        {
            page.Elements.Remove("/Metadata");
            page.Elements.Remove("/PieceInfo");
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static byte[]? CleanAudio(MemoryStream content, FileType type)
    {
        var abstraction = new MemoryFile("recording" + type.Extension, content);
        using (var file = TagLib.File.Create(abstraction, "taglib/" + type.Extension.TrimStart('.'), TagLib.ReadStyle.None))
        {
            file.RemoveTags(TagLib.TagTypes.AllTags);
            file.Save();
        }

        content.Position = 0;
        using (var check = TagLib.File.Create(abstraction, "taglib/" + type.Extension.TrimStart('.'), TagLib.ReadStyle.None))
        {
            if (!IsEmpty(check.Tag))
            {
                return null;
            }
        }

        return content.ToArray();
    }

    private static bool IsEmpty(TagLib.Tag tag) =>
        tag.IsEmpty && string.IsNullOrEmpty(tag.Comment) && tag.Performers.Length == 0 && string.IsNullOrEmpty(tag.Title);

    /// <summary>TagLib# reads and writes through this: the file in memory, never on disk.</summary>
    private sealed class MemoryFile(string name, MemoryStream content) : TagLib.File.IFileAbstraction
    {
        public string Name => name;

        public Stream ReadStream => content;

        public Stream WriteStream => content;

        public void CloseStream(Stream stream)
        {
            // The stream belongs to the caller; TagLib# must not dispose it.
        }
    }
}
