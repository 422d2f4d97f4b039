using Lantern.Web.Core.Catalogue;
using Lantern.Web.Core.Files;
using Lantern.Web.Platform.Validation;
using Lantern.Web.Platform.Web;
using Lantern.Web.Platform.Web.Floods;
using Lantern.Web.Reporting.Files;
using Lantern.Web.Reporting.Intake;
using Lantern.Web.Reporting.Questionnaire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Reporting.Pages;

/// <summary>
/// The reporting questionnaire, one path per role, one short step per page. Every step posts back to the
/// same address and the next step is rendered in the response: the answers travel encrypted in the form
/// (see <see cref="DraftProtector"/>), never in the address bar, the history or a cookie.
/// </summary>
[NoStore]
[FileUploadLimit]
public sealed class QuestionnaireModel(
    DraftProtector drafts,
    ReportValidator validator,
    SubmitReport submit,
    SentReportCookie sentCookie,
    ReportingCatalogue catalogue,
    IntakeLimiter limiter,
    IntakeWriteGate writeGate,
    ProofOfWork proofOfWork,
    SpentChallenges spentChallenges,
    SubmissionFiles submissionFiles,
    IOptions<FilesOptions> fileOptions,
    IStringLocalizer<TextCatalogue> text) : PageModel, IReportForm
{
    /// <summary>The honeypot: people never see it; bots fill it in.</summary>
    public const string Honeypot = "website";

    /// <summary>The proof-of-work challenge, carried from step to step so that its age tells how long the person took.</summary>
    public const string ChallengeField = "challenge";

    /// <summary>The solution site's pow.js finds for the challenge while the person reads the review step.</summary>
    public const string ProofField = "proof";

    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    [FromRoute(Name = "path")]
    public string Role { get; set; } = string.Empty;

    public string Step { get; private set; } = QuestionnaireFlow.Danger;

    public ReportContent Answers { get; private set; } = new();

    public string Draft { get; private set; } = string.Empty;

    public bool ReturnToReview { get; private set; }

    public bool DraftExpired { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Why the files sent with the report were refused (the report was then not stored either).</summary>
    public string? FilesError { get; private set; }

    /// <summary>The proof-of-work challenge of this page (<see cref="ChallengeField"/>).</summary>
    public Challenge FloodChallenge { get; private set; } = null!;

    /// <summary>The send was refused because the challenge was neither solved nor old enough: wait, then send again.</summary>
    public bool SendTooSoon { get; private set; }

    /// <summary>The send was refused because many reports came from this connection in the last minute (people may share it).</summary>
    public bool SendTooManyHere { get; private set; }

    /// <summary>The send was refused because so many people are sending that even the line to be stored is full.</summary>
    public bool SendBusy { get; private set; }

    /// <summary>Set once the posted challenge is spent: whatever is shown next carries a new one.</summary>
    private bool _challengeSpent;

    public IReadOnlyList<string> Forms { get; private set; } = [];

    public IReadOnlyList<string> Signs { get; private set; } = [];

    /// <summary>The values posted for the step being shown again with its errors.</summary>
    private IFormCollection? _posted;

    public IReadOnlyList<string> Steps => QuestionnaireFlow.StepsFor(Answers);

    /// <summary>One step per page.</summary>
    public bool OnePage => false;

    public int StepNumber => Steps.ToList().IndexOf(Step) + 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Answers = new ReportContent { Role = Role, Language = Lang };
        await ShowAsync(QuestionnaireFlow.Danger, cancellationToken);
    }

    /// <summary>
    /// The self-check's hand-over (<c>Content/Pages/SelfCheck</c>): a new questionnaire with the signs the person
    /// recognised already ticked. Nothing is stored: they go into the encrypted draft like any answer, and an unknown
    /// sign is dropped.
    /// </summary>
    public async Task OnPostPrefillAsync(CancellationToken cancellationToken)
    {
        var known = await catalogue.SignsAsync(cancellationToken);
        Answers = new ReportContent
        {
            Role = Role,
            Language = Lang,
            Signs = Request.Form["signs"].OfType<string>().Where(known.Contains).Distinct(StringComparer.Ordinal).ToList(),
        };
        await ShowAsync(QuestionnaireFlow.Danger, cancellationToken);
    }

    private async Task<IActionResult> SendAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Request.Form[Honeypot]))
        {
            return BadRequest();
        }

        // Before the client's reports are counted and before anything is written: a flood that did not do the work
        // costs one HMAC and one hash per request. With JavaScript the challenge is solved; without, it was issued on
        // the first step, long enough ago for a person (docs/SECURITY.md, "Floods").
        var challenge = proofOfWork.Judge(Request.Form[ChallengeField], Request.Form[ProofField], acceptWaited: true);
        if (!challenge.Accepted)
        {
            return await RefuseTooSoonAsync(challenge, cancellationToken);
        }

        // Many people share one address (a mobile carrier's, a shelter's wifi): a person can meet this limit, so the
        // answers are kept. The challenge is not spent yet, so the same page sends once the minute is over.
        if (!limiter.TryAcquire(HttpContext, out var retryAfter))
        {
            SendTooManyHere = true;
            return await RefuseSendAsync(StatusCodes.Status429TooManyRequests, retryAfter, cancellationToken);
        }

        var errors = await validator.ValidateAsync(Answers, cancellationToken);
        if (errors.Count > 0)
        {
            Errors = errors;
            await ShowAsync(QuestionnaireFlow.Review, cancellationToken);
            return Page();
        }

        // Files come with the last step; see SubmissionFiles for why the receipt waits for all of them.
        var files = Request.Form.Files.Where(f => f.Name == "files" && (f.Length > 0 || !string.IsNullOrEmpty(f.FileName))).ToList();
        if (files.Count > 0 && await submissionFiles.CheckAsync(files, cancellationToken) is { } refused)
        {
            return await RefuseFilesAsync(refused, cancellationToken);
        }

        // The global bound (docs/SECURITY.md, "Floods"): wait in line for a place among the reports being stored, held
        // until this one is. Before the challenge is spent, so a send refused because the line is full keeps it.
        using var place = await writeGate.EnterAsync(cancellationToken);
        if (place is null)
        {
            limiter.GiveBack(HttpContext);
            SendBusy = true;
            return await RefuseSendAsync(StatusCodes.Status503ServiceUnavailable, IntakeWriteGate.RetryAfter, cancellationToken);
        }

        // Once only, on every node: a replayed solution stops here. Spent before the report is written, so a report
        // refused late (a file) needs a new challenge, which the page then carries.
        if (!await spentChallenges.TrySpendAsync(challenge.Challenge!, cancellationToken))
        {
            return await RefuseTooSoonAsync(challenge with { Verdict = ChallengeVerdict.Spent }, cancellationToken);
        }

        _challengeSpent = true;
        SubmittedReport submitted;
        try
        {
            submitted = await submit.ExecuteAsync(
                Answers,
                IntakeSource.Web,
                files.Count > 0 ? (reportId, dataKey) => submissionFiles.StoreAsync(reportId, dataKey, files, cancellationToken) : null,
                cancellationToken);
        }
        catch (FileRefusedException refusedLate)
        {
            return await RefuseFilesAsync(refusedLate, cancellationToken);
        }

        sentCookie.Write(Response, submitted.Reference, submitted.Receipt);
        return RedirectToPage("/Reporting/Pages/Sent", new { lang = Lang });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var step = Request.Form["step"].ToString();
        if (!LoadDraft() || !QuestionnaireFlow.IsStep(step))
        {
            await ShowAsync(QuestionnaireFlow.Danger, cancellationToken);
            return Page();
        }

        // The draft as posted: shown again unchanged when this step has errors, so no earlier answer is lost.
        var draftBefore = Request.Form["draft"].ToString();
        var parseErrors = new List<FieldError>();
        QuestionnaireFlow.Apply(step, Request.Form, Answers, parseErrors);
        var action = Request.Form["action"].ToString();
        ReturnToReview = Request.Form["returnTo"] == QuestionnaireFlow.Review;

        if (action == "send" && step == QuestionnaireFlow.Review)
        {
            return await SendAsync(cancellationToken);
        }

        if (action == "back")
        {
            await ShowAsync(Neighbour(step, -1), cancellationToken);
            return Page();
        }

        if (action.StartsWith("goto:", StringComparison.Ordinal) && Steps.Contains(action[5..]))
        {
            ReturnToReview = step == QuestionnaireFlow.Review || ReturnToReview;
            await ShowAsync(action[5..], cancellationToken);
            return Page();
        }

        var fields = QuestionnaireFlow.FieldsOf(step);
        var errors = parseErrors
            .Concat((await validator.ValidateAsync(Answers, cancellationToken)).Where(e => fields.Any(f => e.Field == f || e.Field.StartsWith(f + ".", StringComparison.Ordinal))))
            .ToList();
        if (errors.Count > 0)
        {
            // Show the same step again with what the person typed, and keep the draft as it was.
            Errors = errors;
            _posted = Request.Form;
            Answers = drafts.Unprotect(draftBefore, Role, Lang) ?? Answers;
            await ShowAsync(step, cancellationToken, keepDraft: draftBefore);
            return Page();
        }

        var next = ReturnToReview && !(step == QuestionnaireFlow.What && Answers.MinorsInvolved == true && Answers.YoungestAge is null)
            ? QuestionnaireFlow.Review
            : Neighbour(step, +1);
        if (next == QuestionnaireFlow.Review)
        {
            ReturnToReview = false;
        }

        await ShowAsync(next, cancellationToken);
        return Page();
    }

    private async Task<IActionResult> RefuseFilesAsync(FileRefusedException refused, CancellationToken cancellationToken)
    {
        var limits = fileOptions.Value;
        FilesError = text[refused.MessageKey, refused.Reason == FileRefusal.ReportTooLarge ? limits.MaxReportMegabytes : limits.MaxFileMegabytes].Value;
        await ShowAsync(QuestionnaireFlow.Review, cancellationToken, keepDraft: Request.Form["draft"].ToString());
        Response.StatusCode = refused.StatusCode;
        return Page();
    }

    /// <summary>
    /// A send refused by a limit, not by anything the person did: the review step again with every answer and the
    /// challenge as it was (files must be added again, as after any refused send), the message saying why and to send
    /// again, and Retry-After.
    /// </summary>
    private async Task<IActionResult> RefuseSendAsync(int status, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await ShowAsync(QuestionnaireFlow.Review, cancellationToken, keepDraft: Request.Form["draft"].ToString());
        RetryAfter.Set(Response, retryAfter);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>
    /// A send refused by the flood check: the review step again with every answer (files must be added again, as after
    /// any refused send), the message to wait and send again, and a challenge: the same one when it only needs time
    /// (its age goes on counting), a new one when it was missing, forged, expired or spent. 429 with Retry-After for a
    /// person who only has to wait; 400 for a challenge this site never issued.
    /// </summary>
    private async Task<IActionResult> RefuseTooSoonAsync(ChallengeCheck check, CancellationToken cancellationToken)
    {
        SendTooSoon = true;
        _challengeSpent |= check.Verdict != ChallengeVerdict.NotSolved;
        await ShowAsync(QuestionnaireFlow.Review, cancellationToken, keepDraft: Request.Form["draft"].ToString());
        var wait = check.Verdict == ChallengeVerdict.NotSolved ? check.RetryAfter : TimeSpan.FromSeconds(proofOfWork.Options.NoScriptWaitSeconds);
        RetryAfter.Set(Response, wait);
        Response.StatusCode = check.Verdict is ChallengeVerdict.Forged or ChallengeVerdict.Missing
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status429TooManyRequests;
        return Page();
    }

    /// <summary>
    /// The challenge the page carries: the one posted while it is this server's and younger than half its lifetime (so
    /// it does not run out before the report is sent), else a new one.
    /// </summary>
    private Challenge CarriedChallenge()
    {
        if (!_challengeSpent && Request.HasFormContentType && proofOfWork.Read(Request.Form[ChallengeField]) is { } posted)
        {
            var age = proofOfWork.Now - posted.IssuedAt;
            if (age >= TimeSpan.FromMinutes(-1) && age < TimeSpan.FromMinutes(proofOfWork.Options.ChallengeLifetimeMinutes / 2.0))
            {
                return posted;
            }
        }

        return proofOfWork.Issue();
    }

    /// <summary>The text to show in a field: what was just posted when the step comes back with errors, else the draft's answer.</summary>
    public string Value(string field, string? fromAnswers) => _posted is not null ? _posted[field].ToString() : fromAnswers ?? string.Empty;

    public bool IsChecked(string field, string value, bool fromAnswers) =>
        _posted is not null ? _posted[field].Contains(value) : fromAnswers;

    public IEnumerable<string> ErrorsFor(string field) =>
        Errors.Where(e => e.Field == field || e.Field.StartsWith(field + "[", StringComparison.Ordinal))
            .Select(e => text[e.MessageKey, e.Arguments].Value).Distinct();

    /// <summary>The id of the field's error message, for aria-describedby, or null when it has none.</summary>
    public string? DescribedBy(string field) => ErrorsFor(field).Any() ? IdOf(field) + "-error" : null;

    public static string IdOf(string field) => ReportFormExtensions.IdOf(field);

    private bool LoadDraft()
    {
        var content = drafts.Unprotect(Request.Form["draft"], Role, Lang);
        if (content is null)
        {
            DraftExpired = true;
            Answers = new ReportContent { Role = Role, Language = Lang };
            return false;
        }

        Answers = content;
        return true;
    }

    private string Neighbour(string step, int offset)
    {
        var steps = Steps.ToList();
        var index = steps.IndexOf(step);
        if (index < 0)
        {
            return QuestionnaireFlow.Danger;
        }

        return steps[Math.Clamp(index + offset, 0, steps.Count - 1)];
    }

    private async Task ShowAsync(string step, CancellationToken cancellationToken, string? keepDraft = null)
    {
        Step = Steps.Contains(step) ? step : QuestionnaireFlow.Danger;
        Draft = keepDraft ?? drafts.Protect(Answers);
        FloodChallenge = CarriedChallenge();
        Forms = await catalogue.FormsAsync(cancellationToken);
        Signs = await catalogue.SignsAsync(cancellationToken);
    }
}
