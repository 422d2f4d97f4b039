using System.Net.Mail;
using Lantern.Web.Core.Catalogue;
using Lantern.Web.Core.Regions;
using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Core.Reports;

/// <summary>
/// The one set of rules for report content, whatever the channel. It normalises the content in place
/// (NFC, trimmed, empty text to null, codes lower-cased, duplicates dropped) and lists every problem.
/// </summary>
public sealed class ReportValidator(ReportingCatalogue catalogue, LanguageSettings languages, CallerLanguages callerLanguages, EntityNormaliser entities)
{
    public const int MaxDescription = 10_000;
    public const int MaxShortText = 200;
    public const int MaxMediumText = 500;
    public const int MaxLongText = 3_000;
    public const int MaxEntitiesPerKind = 20;
    public const int MinCallMinutes = 1;
    public const int MaxCallMinutes = 600;

    /// <summary>The rules for a report the public sends (questionnaire, API).</summary>
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ReportContent content, CancellationToken cancellationToken = default) =>
        ValidateAsync(content, IntakeSource.Web, cancellationToken);

    /// <summary>The rules for a report from <paramref name="source"/>: staff who record a call may give any caller language.</summary>
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(ReportContent content, IntakeSource source, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var forms = await catalogue.FormsAsync(cancellationToken);
        var signs = await catalogue.SignsAsync(cancellationToken);

        content.Role = Code(content.Role);
        if (content.Role is null)
        {
            errors.Add(new("role", "error.required"));
        }
        else if (!ReportCodes.Roles.Contains(content.Role))
        {
            errors.Add(new("role", "error.choice"));
        }

        content.Language = Code(content.Language);
        if (content.Language is null)
        {
            errors.Add(new("language", "error.required"));
        }
        else if (source.RecordedByStaff ? !callerLanguages.IsKnown(content.Language) : !languages.IsEnabled(content.Language))
        {
            errors.Add(new("language", "error.choice"));
        }

        if (source.Channel == ReportCodes.Channels.Phone)
        {
            ValidateCall(source, errors);
        }

        content.ExploitationTypes = Codes(content.ExploitationTypes, forms, "exploitationTypes", errors);
        content.Signs = Codes(content.Signs, signs, "signs", errors);

        if (content.MinorsInvolved == true)
        {
            if (content.YoungestAge is < 0 or > 17)
            {
                errors.Add(new("youngestAge", "error.age", 0, 17));
            }
        }
        else
        {
            content.YoungestAge = null;
        }

        ValidateLocation(content.Location ??= new(), errors);

        content.When = Code(content.When);
        if (content.When is not null && !ReportCodes.Timings.Contains(content.When))
        {
            errors.Add(new("when", "error.choice"));
        }

        content.WhenDetails = Text(content.WhenDetails, "whenDetails", MaxMediumText, multiline: true, errors);
        ValidatePeople(content.People ??= new(), errors);
        ValidateEntities(content.Entities ??= new(), content.Location.Country ?? "BE", errors);
        content.Description = Text(content.Description, "description", MaxDescription, multiline: true, errors);
        content.Relationship = Text(content.Relationship, "relationship", MaxShortText, multiline: false, errors);
        content.Profession = Text(content.Profession, "profession", MaxShortText, multiline: false, errors);
        if (content.Contact is not null)
        {
            ValidateContact(content.Contact, content.Location.Country ?? "BE", errors);
        }

        var saysSomething = content.Description is not null
            || content.Signs.Count > 0
            || content.ExploitationTypes.Any(f => f != ReportingCatalogue.UnknownForm)
            || content.ImmediateDanger == true;
        if (!saysSomething && !errors.Any(e => e.Field == "description"))
        {
            errors.Add(new("description", "error.empty_report"));
        }

        return errors;
    }

    /// <summary>A phone call also records whether an interpreter took part and how long it lasted.</summary>
    private static void ValidateCall(IntakeSource source, List<FieldError> errors)
    {
        if (source.InterpreterUsed is null)
        {
            errors.Add(new("interpreterUsed", "error.required"));
        }

        if (source.CallMinutes is null)
        {
            errors.Add(new("callMinutes", "error.required"));
        }
        else if (source.CallMinutes is < MinCallMinutes or > MaxCallMinutes)
        {
            errors.Add(new("callMinutes", "error.range", MinCallMinutes, MaxCallMinutes));
        }
    }

    private static void ValidateLocation(ReportLocation location, List<FieldError> errors)
    {
        location.Country = Code(location.Country)?.ToUpperInvariant() ?? "BE";
        if (!Countries.IsKnown(location.Country))
        {
            errors.Add(new("location.country", "error.choice"));
        }

        location.Postcode = Text(location.Postcode, "location.postcode", 12, multiline: false, errors);
        if (location.Postcode is not null)
        {
            var valid = location.Country == "BE"
                ? location.Postcode.Length == 4 && location.Postcode.All(char.IsAsciiDigit) && location.Postcode[0] != '0'
                : location.Postcode.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-');
            if (!valid)
            {
                errors.Add(new("location.postcode", "error.postcode"));
            }
        }

        location.Municipality = Text(location.Municipality, "location.municipality", 100, multiline: false, errors);
        location.PlaceType = Code(location.PlaceType);
        if (location.PlaceType is not null && !ReportCodes.PlaceTypes.Contains(location.PlaceType))
        {
            errors.Add(new("location.placeType", "error.choice"));
        }

        location.Address = Text(location.Address, "location.address", 300, multiline: false, errors);
    }

    private static void ValidatePeople(ReportPeople people, List<FieldError> errors)
    {
        if (people.Count is < 1 or > 10_000)
        {
            errors.Add(new("people.count", "error.range", 1, 10_000));
        }

        people.Ages = Text(people.Ages, "people.ages", MaxShortText, multiline: false, errors);
        people.Languages = Text(people.Languages, "people.languages", MaxMediumText, multiline: false, errors);
        people.Descriptions = Text(people.Descriptions, "people.descriptions", MaxLongText, multiline: true, errors);
    }

    private void ValidateEntities(ReportEntities found, string country, List<FieldError> errors)
    {
        found.Phones = List(found.Phones, "entities.phones", 40, errors, value => entities.NormalisePhone(value, country) is not null ? null : "error.phone");
        found.Emails = List(found.Emails, "entities.emails", 254, errors, value => IsEmail(value) ? null : "error.email");
        found.Urls = List(found.Urls, "entities.urls", 500, errors, value => entities.NormaliseUrl(value) is not null ? null : "error.url");
        found.Plates = List(found.Plates, "entities.plates", 20, errors, value => entities.NormalisePlate(value) is not null ? null : "error.plate");
        found.Companies = List(found.Companies, "entities.companies", MaxShortText, errors, _ => null);
    }

    /// <summary>The contact rules alone, for contact details a reporter adds in follow-up (normalises in place).</summary>
    public IReadOnlyList<FieldError> ValidateContact(ReportContact contact, string country)
    {
        var errors = new List<FieldError>();
        ValidateContact(contact, country, errors);
        return errors;
    }

    private void ValidateContact(ReportContact contact, string country, List<FieldError> errors)
    {
        contact.Channel = Code(contact.Channel);
        if (contact.Channel is null)
        {
            errors.Add(new("contact.channel", "error.required"));
        }
        else if (!ReportCodes.ContactChannels.Contains(contact.Channel))
        {
            errors.Add(new("contact.channel", "error.choice"));
        }

        contact.Address = Text(contact.Address, "contact.address", 254, multiline: false, errors);
        if (contact.Address is null)
        {
            errors.Add(new("contact.address", "error.contact_address"));
        }
        else if (contact.Channel == "email" && !IsEmail(contact.Address))
        {
            errors.Add(new("contact.address", "error.email"));
        }
        else if (contact.Channel is "phone" or "sms" && entities.NormalisePhone(contact.Address, country) is null)
        {
            errors.Add(new("contact.address", "error.phone"));
        }

        contact.SafeTimes = Text(contact.SafeTimes, "contact.safeTimes", MaxShortText, multiline: false, errors);
        contact.CodeWord = Text(contact.CodeWord, "contact.codeWord", 50, multiline: false, errors);
    }

    private static List<string> Codes(List<string>? codes, IReadOnlyList<string> allowed, string field, List<FieldError> errors)
    {
        var result = new List<string>();
        foreach (var raw in codes ?? [])
        {
            var code = Code(raw);
            if (code is null || !allowed.Contains(code))
            {
                errors.Add(new(field, "error.choice"));
                continue;
            }

            if (!result.Contains(code))
            {
                result.Add(code);
            }
        }

        return result;
    }

    private static List<string> List(List<string>? values, string field, int maxLength, List<FieldError> errors, Func<string, string?> check)
    {
        var result = new List<string>();
        values ??= [];
        if (values.Count > MaxEntitiesPerKind)
        {
            errors.Add(new(field, "error.too_many", MaxEntitiesPerKind));
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = Text(values[i], field, maxLength, multiline: false, errors);
            if (value is null)
            {
                continue;
            }

            if (check(value) is { } problem)
            {
                errors.Add(new(field, problem, value));
            }
            else if (!result.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static string? Text(string? value, string field, int maxLength, bool multiline, List<FieldError> errors)
    {
        if (!TextInput.TryNormalise(value, multiline, out var normalised))
        {
            errors.Add(new(field, "error.characters"));
            return null;
        }

        if (normalised is not null && normalised.Length > maxLength)
        {
            errors.Add(new(field, "error.too_long", maxLength));
            return null;
        }

        return normalised;
    }

    /// <summary>A code as compared with the catalogue: trimmed and lower-cased; empty is no answer.</summary>
    private static string? Code(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.ToLowerInvariant();
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
