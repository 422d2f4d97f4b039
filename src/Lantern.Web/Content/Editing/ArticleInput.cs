using Lantern.Web.Content.Articles;
using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Content.Editing;

/// <summary>The editor's form for one version of a page; <see cref="Validate"/> says what is wrong with it, field by field.</summary>
public sealed class ArticleInput
{
    public const int MaxPosition = 10_000;

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public int Position { get; set; } = 100;

    /// <summary>Every problem of the form (empty when it can be saved); normalises the texts it accepts.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Title = Text(nameof(Title), Title, multiline: false, ArticleVersion.MaxTitleLength, errors);
        Summary = Text(nameof(Summary), Summary, multiline: false, ArticleVersion.MaxSummaryLength, errors);
        Body = Text(nameof(Body), Body, multiline: true, ArticleVersion.MaxBodyLength, errors);
        if (Position is < 0 or > MaxPosition)
        {
            errors.Add(new FieldError(nameof(Position), "staff.content.error.position", MaxPosition));
        }

        return errors;
    }

    private static string? Text(string field, string? value, bool multiline, int maxLength, List<FieldError> errors)
    {
        if (!TextInput.TryNormalise(value, multiline, out var normalised))
        {
            errors.Add(new FieldError(field, "staff.content.error.characters"));
            return value;
        }

        if (normalised is null)
        {
            errors.Add(new FieldError(field, "staff.content.error.required"));
        }
        else if (normalised.Length > maxLength)
        {
            errors.Add(new FieldError(field, "staff.content.error.length", maxLength));
        }

        return normalised;
    }
}
