namespace Lantern.Web.Platform.Validation;

/// <summary>One problem with one input: the field path (as the API names it), a catalogue key and its arguments.</summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments);
