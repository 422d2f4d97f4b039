using System.Net.Mail;
using System.Text.RegularExpressions;
using Lantern.Web.Core.Organisations;
using Lantern.Web.Core.Regions;

namespace Lantern.Web.Referrals.Organisations;

/// <summary>
/// Checks and saves an organisation edited by an administrator: everything is validated first and saved in one
/// <c>SaveChanges</c> (nothing half-saved), then audited with the names of the fields that changed.
/// </summary>
public sealed partial class OrganisationEditor(LanternDbContext db, AuditTrail audit)
{
    /// <summary>The address of the "add" form; never accepted as a code.</summary>
    public const string NewCode = "new";

    public async Task<OrganisationChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.PostcodeRanges.AsNoTracking().Select(r => r.Region).Distinct().OrderBy(r => r).ToListAsync(cancellationToken);
        var forms = await db.ExploitationForms.AsNoTracking().OrderBy(f => f.SortOrder).Select(f => f.Code).ToListAsync(cancellationToken);
        return new OrganisationChoices(OrganisationKinds.All, [OrganisationKinds.National, .. regions], forms);
    }

    /// <summary>Saves <paramref name="input"/> over the organisation <paramref name="code"/> (or a new one when null); the errors, or none.</summary>
    public async Task<IReadOnlyList<OrganisationError>> SaveAsync(string? code, OrganisationInput input, string actor, CancellationToken cancellationToken)
    {
        var existing = code is null ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (code is not null && existing is null)
        {
            throw new InvalidOperationException("The page checks that the organisation exists.");
        }

        var choices = await ChoicesAsync(cancellationToken);
        var errors = new List<OrganisationError>();
        var newCode = (input.Code ?? string.Empty).Trim().ToLowerInvariant();
        if (existing is null)
        {
            if (!CodePattern().IsMatch(newCode) || newCode == NewCode)
            {
                errors.Add(new("code", "staff.organisations.error.code"));
            }
            else if (await db.Organisations.AnyAsync(o => o.Code == newCode, cancellationToken))
            {
                errors.Add(new("code", "staff.organisations.error.code_taken"));
            }
        }

        var name = Clean(input.Name);
        if (name is null || name.Length > 200)
        {
            errors.Add(new("name", "staff.organisations.error.name"));
        }

        if (input.Kind is null || !choices.Kinds.Contains(input.Kind))
        {
            errors.Add(new("kind", "staff.organisations.error.kind"));
        }

        var regions = input.Regions.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (regions.Any(r => !choices.Regions.Contains(r)))
        {
            errors.Add(new("regions", "staff.organisations.error.regions"));
        }
        else if (regions.Contains(OrganisationKinds.National) && regions.Count > 1)
        {
            errors.Add(new("regions", "staff.organisations.error.national"));
        }

        if (!PostcodeList.TryParse(input.Postcodes, out var postcodes, out var badRange))
        {
            errors.Add(new("postcodes", "staff.organisations.error.postcodes", badRange ?? string.Empty));
        }
        else if (postcodes.ToString().Length > 400)
        {
            errors.Add(new("postcodes", "staff.organisations.error.too_long"));
        }

        if (regions.Count == 0 && postcodes.Ranges.Count == 0)
        {
            errors.Add(new("regions", "staff.organisations.error.area"));
        }

        var languages = OrganisationKinds.Split(input.Languages?.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (languages.FirstOrDefault(l => !IsLanguage(l)) is { } badLanguage)
        {
            errors.Add(new("languages", "staff.organisations.error.languages", badLanguage));
        }

        var forms = input.Forms.Distinct(StringComparer.Ordinal).ToList();
        if (forms.Any(f => !choices.Forms.Contains(f)))
        {
            errors.Add(new("forms", "staff.organisations.error.forms"));
        }

        if (!input.TakesAdults && !input.TakesMinors)
        {
            errors.Add(new("adults", "staff.organisations.error.people"));
        }

        var phone = Clean(input.Phone);
        if (phone is not null && (phone.Length > 32 || !PhonePattern().IsMatch(phone)))
        {
            errors.Add(new("phone", "staff.organisations.error.phone"));
        }

        var email = Clean(input.Email);
        if (email is not null && !IsMailAddress(email))
        {
            errors.Add(new("email", "staff.organisations.error.email"));
        }

        var noticeEmail = Clean(input.NoticeEmail);
        if (noticeEmail is not null && !IsMailAddress(noticeEmail))
        {
            errors.Add(new("notice", "staff.organisations.error.email"));
        }

        var website = Clean(input.Website);
        if (website is not null && (website.Length > 400 || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(new("website", "staff.organisations.error.website"));
        }

        CheckLength(errors, "address", Clean(input.Address), 400);
        CheckLength(errors, "hours", Clean(input.OpeningHours), 400);
        CheckLength(errors, "description", Clean(input.Description), 2000);
        if (input.SortOrder is < 0 or > 100_000)
        {
            errors.Add(new("order", "staff.organisations.error.order"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var organisation = existing ?? new Organisation { Code = newCode, Name = name!, Kind = input.Kind!, Regions = string.Empty };
        var before = existing is null ? null : OrganisationInput.From(existing);
        organisation.Name = name!;
        organisation.Kind = input.Kind!;
        organisation.Regions = string.Join(',', regions);
        organisation.Postcodes = postcodes.ToString();
        organisation.Languages = string.Join(',', languages);
        organisation.Forms = forms.Count == choices.Forms.Count ? string.Empty : string.Join(',', choices.Forms.Where(forms.Contains));
        organisation.TakesAdults = input.TakesAdults;
        organisation.TakesMinors = input.TakesMinors;
        organisation.Phone = phone;
        organisation.Email = email;
        organisation.Website = website;
        organisation.Address = Clean(input.Address);
        organisation.OpeningHours = Clean(input.OpeningHours);
        organisation.Description = Clean(input.Description);
        organisation.NoticeEmail = noticeEmail;
        organisation.ShowInDirectory = input.ShowInDirectory;
        organisation.SortOrder = input.SortOrder;
        if (existing is null)
        {
            db.Organisations.Add(organisation);
        }

        var changed = before is null ? "created" : string.Join(',', Changes(before, OrganisationInput.From(organisation)));
        audit.Add(db, actor, existing is null ? "organisation.create" : "organisation.update", organisation.Code, changed);
        try
        {
            await audit.SaveAsync(db);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Another administrator added the same code in the meantime (unique index).
            return [new("code", "staff.organisations.error.code_taken")];
        }

        return [];
    }

    private static IEnumerable<string> Changes(OrganisationInput before, OrganisationInput after)
    {
        foreach (var property in typeof(OrganisationInput).GetProperties())
        {
            var old = property.GetValue(before);
            var now = property.GetValue(after);
            var same = old is List<string> a && now is List<string> b ? a.SequenceEqual(b) : Equals(old, now);
            if (!same)
            {
                yield return property.Name;
            }
        }
    }

    private static void CheckLength(List<OrganisationError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(new(field, "staff.organisations.error.too_long"));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsMailAddress(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static bool IsLanguage(string code)
    {
        if (!LanguagePattern().IsMatch(code))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(code) is { IsNeutralCulture: true } culture && culture.EnglishName != code && !culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[0-9+ /().-]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguagePattern();
}
