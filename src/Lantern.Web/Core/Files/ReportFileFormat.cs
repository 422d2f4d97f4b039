namespace Lantern.Web.Core.Files;

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
