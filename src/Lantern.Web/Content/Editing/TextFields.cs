using Lantern.Web.Platform.Validation;

namespace Lantern.Web.Content.Editing;

/// <summary>The one check of the editors' text fields: normalised, no control or direction characters, within a length, filled in when required.</summary>
internal static class TextFields
{
    /// <summary>The normalised text (null when empty), adding the field's problem to <paramref name="errors"/> if it has one.</summary>
    public static string? Check(string field, string? value, int maxLength, List<FieldError> errors, bool required = true, bool multiline = false)
    {
        if (!TextInput.TryNormalise(value, multiline, out var normalised))
        {
            errors.Add(new FieldError(field, "staff.content.error.characters"));
            return null;
        }

        if (normalised is null && required)
        {
            errors.Add(new FieldError(field, "staff.content.error.required"));
        }
        else if (normalised is { Length: var length } && length > maxLength)
        {
            errors.Add(new FieldError(field, "staff.content.error.length", maxLength));
        }

        return normalised;
    }
}
