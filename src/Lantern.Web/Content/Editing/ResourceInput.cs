using Lantern.Web.Content.Resources;
using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Content.Editing;

/// <summary>The library's upload form: what the resource is, and its file; a preview image for a PDF or a video.</summary>
public sealed class ResourceInput
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public string? Category { get; set; }

    public IFormFile? File { get; set; }

    public IFormFile? Preview { get; set; }

    /// <summary>The problems of the fields that need no reading of the files; normalises the texts it accepts.</summary>
    public IReadOnlyList<FieldError> Validate(IReadOnlyCollection<string> languages, long maxBytes)
    {
        var errors = new List<FieldError>();
        Title = TextFields.Check(nameof(Title), Title, Resource.MaxTitleLength, errors);
        Description = TextFields.Check(nameof(Description), Description, Resource.MaxDescriptionLength, errors, required: false);
        if (Language is null || !languages.Contains(Language))
        {
            errors.Add(new FieldError(nameof(Language), "staff.resources.error.language"));
        }

        if (Category is null || !ResourceCategories.All.Contains(Category))
        {
            errors.Add(new FieldError(nameof(Category), "staff.resources.error.category"));
        }

        if (File is null || File.Length == 0)
        {
            errors.Add(new FieldError(nameof(File), "staff.resources.error.file"));
        }
        else if (File.Length > maxBytes)
        {
            errors.Add(new FieldError(nameof(File), "staff.resources.error.size", maxBytes / (1024 * 1024)));
        }

        return errors;
    }
}
