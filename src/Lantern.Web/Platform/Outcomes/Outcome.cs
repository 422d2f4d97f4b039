namespace Lantern.Web.Platform.Outcomes;

/// <summary>
/// The one result type of use cases: done, or refused with the catalogue key of the message and its arguments.
/// Pages answer it with <see cref="OutcomePages"/>, APIs with <see cref="OutcomeProblems"/>, so a refusal means the
/// same status everywhere. <see cref="Outcome{T}"/> carries a value when the use case returns one.
/// </summary>
public sealed record Outcome
{
    private static readonly Outcome _done = new(OutcomeKind.Done, null, null, []);
    private static readonly Outcome _notFound = new(OutcomeKind.NotFound, null, null, []);
    private static readonly Outcome _forbidden = new(OutcomeKind.Forbidden, null, null, []);

    private Outcome(OutcomeKind kind, string? messageKey, string? field, object[] arguments)
    {
        Kind = kind;
        MessageKey = messageKey;
        Field = field;
        Arguments = arguments;
    }

    public OutcomeKind Kind { get; }

    /// <summary>The catalogue key of the message of an <see cref="OutcomeKind.Invalid"/> or <see cref="OutcomeKind.Conflict"/> outcome.</summary>
    public string? MessageKey { get; }

    /// <summary>The input field an <see cref="OutcomeKind.Invalid"/> outcome is about, when the answer names one (a validation problem).</summary>
    public string? Field { get; }

    public IReadOnlyList<object> Arguments { get; }

    public bool IsDone => Kind == OutcomeKind.Done;

    /// <summary>The HTTP status a refusal answers (200 when done).</summary>
    public int StatusCode => Kind switch
    {
        OutcomeKind.Done => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public static Outcome Done() => _done;

    public static Outcome NotFound() => _notFound;

    public static Outcome Forbidden() => _forbidden;

    public static Outcome Invalid(string key, params object[] arguments) => new(OutcomeKind.Invalid, key, null, arguments);

    /// <summary>Invalid input in one named field: an API answers it as a validation problem naming the field.</summary>
    public static Outcome InvalidField(string field, string key, params object[] arguments) => new(OutcomeKind.Invalid, key, field, arguments);

    public static Outcome Conflict(string key, params object[] arguments) => new(OutcomeKind.Conflict, key, null, arguments);

    /// <summary>Done with a value.</summary>
    public static Outcome<T> Done<T>(T value) => new(_done, value);
}
