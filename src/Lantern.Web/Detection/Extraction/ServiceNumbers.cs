namespace Lantern.Web.Detection.Extraction;

/// <summary>
/// Numbers that belong to services rather than to anyone a report is about: emergency and helpline numbers, the
/// contact point's own line, the organisations of the directory. They never become entities (every report would link
/// through them). Canonical E.164.
/// </summary>
public sealed class ServiceNumbers(IEnumerable<string> numbers)
{
    private readonly HashSet<string> _numbers = new(numbers, StringComparer.Ordinal);

    public static ServiceNumbers None { get; } = new([]);

    public int Count => _numbers.Count;

    public bool Contains(string e164) => _numbers.Contains(e164);
}
