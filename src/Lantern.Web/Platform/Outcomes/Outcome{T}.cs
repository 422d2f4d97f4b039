namespace Lantern.Web.Platform.Outcomes;

/// <summary>An <see cref="Outcome"/> with the use case's value when it is done (the value is default otherwise).</summary>
public sealed record Outcome<T>(Outcome Result, T? Value)
{
    public OutcomeKind Kind => Result.Kind;

    public bool IsDone => Result.IsDone;

    /// <summary>A refusal, which has no value.</summary>
    public static implicit operator Outcome<T>(Outcome refusal) =>
        refusal.IsDone ? throw new ArgumentException("A done outcome needs its value.", nameof(refusal)) : new(refusal, default);
}
