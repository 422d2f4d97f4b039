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
        Title = TextFields.Check(nameof(Title), Title, ArticleVersion.MaxTitleLength, errors) ?? Title;
        Summary = TextFields.Check(nameof(Summary), Summary, ArticleVersion.MaxSummaryLength, errors) ?? Summary;
        Body = TextFields.Check(nameof(Body), Body, ArticleVersion.MaxBodyLength, errors, multiline: true) ?? Body;
        if (Position is < 0 or > MaxPosition)
        {
            errors.Add(new FieldError(nameof(Position), "staff.content.error.position", MaxPosition));
        }

        return errors;
    }
}
