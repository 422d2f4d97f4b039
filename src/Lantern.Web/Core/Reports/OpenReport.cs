using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Core.Reports;

/// <summary>
/// Opens a report for a staff member: finds it within their <see cref="ReportScope"/> (anything else is not
/// found), unseals its data key with the staff private key, decrypts the answers (and, for the central team,
/// the internal notes), applies the referral's scope for a partner, and writes <c>report.read</c> to the audit
/// trail. The data key and the plaintext bytes are zeroed as soon as they are no longer needed.
/// </summary>
public sealed class OpenReport(ReportScope scope, IReportGrants grants, IReportCases cases, LanternDbContext db, KeyRing keys, AuditTrail audit)
{
    /// <summary>Null when the report does not exist or the member may not see it: both answer 404.</summary>
    public async Task<ReportView?> ExecuteAsync(StaffMember member, string? reference, string via, CancellationToken cancellationToken)
    {
        if (ReportReferences.Normalise(reference) is not { } normalised)
        {
            return null;
        }

        var report = await scope.VisibleTo(member).AsNoTracking()
            .Include(r => r.Forms).Include(r => r.Signs)
            .FirstOrDefaultAsync(r => r.Reference == normalised, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var partner = ReportScope.IsPartnerView(member);
        var grant = partner ? await grants.GrantAsync(member, report.Id, cancellationToken) : null;
        var referralScope = grant?.Scope;
        var full = grant?.Full == true;
        var items = await db.ReportItems.AsNoTracking()
            .Where(i => i.ReportId == report.Id && (i.Kind == (int)ItemKind.Answers || (!partner && i.Kind == (int)ItemKind.Note)))
            .OrderBy(i => i.Kind).ThenBy(i => i.Sequence)
            .ToListAsync(cancellationToken);
        var people = items.Where(i => i.AuthorId is not null).Select(i => i.AuthorId!.Value).ToList();
        if (!partner && report.AssignedToId is { } assignee)
        {
            people.Add(assignee);
        }

        people = [.. people.Distinct()];
        var emails = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var caseReference = !partner && report.CaseId is { } caseId
            ? await cases.ReferenceOfAsync(caseId, cancellationToken)
            : null;

        var (content, notes) = Decrypt(report, items, emails);
        var withheld = partner && !full && content.Contact is not null;
        if (partner && !full)
        {
            // Only a "full" referral shares how to reach the reporter; an unknown scope shares the least.
            content.Contact = null;
        }

        var detail = partner ? $"via={via}; referral={referralScope}" : $"via={via}; notes={notes.Count}";
        await audit.RecordAsync(db, member.Actor, "report.read", report.Reference, detail);

        return new ReportView
        {
            Reference = report.Reference,
            ReceivedAt = report.ReceivedAt,
            Channel = report.Channel,
            Role = report.Role,
            Language = report.Language,
            Country = report.Country,
            Region = report.Region,
            ImmediateDanger = report.ImmediateDanger,
            MinorsInvolved = report.MinorsInvolved,
            ContactRequested = report.ContactRequested,
            UrgencyLevel = report.UrgencyLevel,
            UrgencyReasons = report.UrgencyReasons.Split(',', StringSplitOptions.RemoveEmptyEntries),
            Status = report.Status,
            StatusChangedAt = report.StatusChangedAt,
            AcknowledgedAt = report.AcknowledgedAt,
            Outcome = report.Outcome,
            // Who works on it and how it is grouped are the central team's own organisation, not shared by a referral.
            AssignedToId = partner ? null : report.AssignedToId,
            AssignedToEmail = !partner && report.AssignedToId is { } id ? emails.GetValueOrDefault(id) : null,
            CaseReference = caseReference,
            InterpreterUsed = report.InterpreterUsed,
            CallMinutes = report.CallMinutes,
            Forms = [.. report.Forms.Select(f => f.Code).Order(StringComparer.Ordinal)],
            Signs = [.. report.Signs.Select(s => s.Code).Order(StringComparer.Ordinal)],
            Content = content,
            ContactWithheld = withheld,
            PartnerView = partner,
            ReferralScope = referralScope,
            Notes = partner ? null : notes,
        };
    }

    private (ReportContent Content, List<ReportNote> Notes) Decrypt(Report report, List<ReportItem> items, Dictionary<Guid, string?> emails)
    {
        var answers = items.FirstOrDefault(i => i.Kind == (int)ItemKind.Answers)
            ?? throw new InvalidOperationException($"Report {report.Reference} has no answers item.");
        var dataKey = ReportDataKey.Open(keys, report.Id, report.StaffKeyId, report.SealedDataKey);
        try
        {
            var plaintext = ItemCipher.Decrypt(dataKey, report.Id, ItemKind.Answers, answers.Sequence, answers.Ciphertext);
            ReportContent content;
            try
            {
                content = JsonSerializer.Deserialize<ReportContent>(plaintext, ReportJson.Options)
                    ?? throw new CryptographicException($"The answers of report {report.Reference} are empty.");
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }

            var notes = new List<ReportNote>();
            foreach (var item in items.Where(i => i.Kind == (int)ItemKind.Note))
            {
                var text = ItemCipher.Decrypt(dataKey, report.Id, ItemKind.Note, item.Sequence, item.Ciphertext);
                try
                {
                    notes.Add(new ReportNote(item.Sequence, item.CreatedAt, item.AuthorId is { } author ? emails.GetValueOrDefault(author) : null, Encoding.UTF8.GetString(text)));
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(text);
                }
            }

            return (content, notes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}
