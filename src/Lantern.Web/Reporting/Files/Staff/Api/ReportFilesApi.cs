using Lantern.Web.Core.Files;
using Lantern.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lantern.Web.Reporting.Files.Staff.Api;

/// <summary>
/// The staff API for report files, with a personal access token. Uploads are read straight from the multipart
/// body, one chunk at a time, into the encrypted store (nothing is buffered whole, nothing touches the disk in
/// the clear). Scope as on the pages: out of scope or not shared with a partner is 404.
/// </summary>
public static class ReportFilesApi
{
    private const string Tag = "Report files";

    public static IEndpointRouteBuilder MapReportFilesApi(this IEndpointRouteBuilder endpoints)
    {
        // Every file endpoint: a staff token that may read reports, the staff member bound as a parameter.
        var group = endpoints.MapGroup("/api/v1/reports/{reference}")
            .RequireAuthorization(StaffPolicies.ForApi(StaffPolicies.ReadAnyReports))
            .WithTags(Tag);
        group.MapPost("/files", AttachAsync)
            .WithName("AttachReportFile")
            .WithSummary("Attach a file to a report")
            .WithDescription(
                "multipart/form-data with one file part (any field name). The type is decided by the content (JPEG, PNG, WebP, PDF, " +
                "MP3, M4A, Ogg/Opus, WAV, WebM audio), never by the name or the part's content type; a file cut short is refused. " +
                "Limits per file and per report: Lantern:Files. Central team only; audited as file.added.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ReportFileDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        group.MapGet("/files", ListAsync)
            .WithName("ListReportFiles")
            .WithSummary("List a report's files")
            .WithDescription(
                "Decrypted names, checked types, sizes and who added each file. Partners see files only of reports referred with the full scope, " +
                "never the files of the reporter thread, and of who added a file only `byContactPoint` (no e-mail address).")
            .Produces<IReadOnlyList<ReportFileDetail>>()
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/files/{id:guid}", (string reference, Guid id, StaffMember member, StaffFiles files, TextCatalogue texts, RequestLanguage language, CancellationToken ct) =>
                GetAsync(reference, id, false, member, files, texts, language, ct))
            .WithName("GetReportFile")
            .WithSummary("Read a file (images: the rendition without metadata)")
            .WithDescription("An image answers its re-encoded rendition (no EXIF, GPS, camera, XMP or ICC data); other types the file itself. Audited as file.read.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status401Unauthorized)
            .Produces(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/files/{id:guid}/original", (string reference, Guid id, StaffMember member, StaffFiles files, TextCatalogue texts, RequestLanguage language, CancellationToken ct) =>
                GetAsync(reference, id, true, member, files, texts, language, ct))
            .WithName("GetReportFileOriginal")
            .WithSummary("Download the original file as received (evidence)")
            .WithDescription("Byte for byte as received, metadata included. Images need the files.original permission (403 otherwise). Audited as file.download.original.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<List<ReportFileDetail>>, NotFound>> ListAsync(string reference, HttpContext context, StaffMember member, StaffFiles files, CancellationToken cancellationToken)
    {
        var list = await files.ListAsync(member, reference, cancellationToken);
        if (list is null)
        {
            return TypedResults.NotFound();
        }

        NoStore.Apply(context.Response);
        return TypedResults.Ok(list.Files.Select(f => ToDetail(list.Reference, f)).ToList());
    }

    private static async Task<IResult> GetAsync(
        string reference, Guid id, bool original, StaffMember member, StaffFiles files, TextCatalogue texts, RequestLanguage language, CancellationToken cancellationToken)
    {
        var opened = await files.OpenAsync(member, reference, id, original, "api", cancellationToken);
        return opened.IsDone ? new DecryptedFileResult(opened.Value!) : opened.ToProblem(texts, language.Code);
    }

    private static async Task<IResult> AttachAsync(
        string reference, HttpContext context, StaffMember member, StaffFiles files, TextCatalogue texts, RequestLanguage language, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;

        // Room for the multipart framing around the largest file; the store counts the file's own bytes.
        return await MultipartUpload.ReadAsync(context, limits.MaxFileBytes + (1024 * 1024), limits, MultipartUpload.Skip, async (name, content) =>
        {
            var attached = await files.AttachAsync(member, reference, content, name, "api", cancellationToken);
            if (attached.Value is not { } file)
            {
                return attached.ToProblem(texts, language.Code);
            }

            var list = await files.ListAsync(member, reference, cancellationToken);
            var row = list!.Files.First(f => f.File.Id == file.Id);
            return TypedResults.Created(Url(list.Reference, file.Id, false), ToDetail(list.Reference, row));
        }, cancellationToken);
    }

    private static ReportFileDetail ToDetail(string reference, StaffFileRow row) => new(
        row.File.Id,
        row.File.Name,
        row.File.ContentType,
        row.File.Length,
        row.File.CreatedAt,
        row.FromReporter,
        row.AddedBy,
        row.ByContactPoint,
        row.File.ShowsImage,
        row.File.MetadataRemoved,
        Url(reference, row.File.Id, false),
        Url(reference, row.File.Id, true));

    private static string Url(string reference, Guid id, bool original) =>
        $"/api/v1/reports/{Uri.EscapeDataString(reference)}/files/{id}" + (original ? "/original" : string.Empty);

    private static ProblemHttpResult Problem(int status, string title) => TypedResults.Problem(title: title, statusCode: status);
}
