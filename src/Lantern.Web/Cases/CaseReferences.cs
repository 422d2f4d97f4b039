namespace Lantern.Web.Cases;

/// <summary>Case references, <c>CS-XXXX-XXXX</c>, generated like report references and read back as people type them.</summary>
public static class CaseReferences
{
    public const string Prefix = "CS";

    public static string Next() => ReferenceGenerator.Next(Prefix);

    public static string? Normalise(string? reference)
    {
        var normalised = ReportReferences.Normalise(reference);
        return normalised is { Length: 12 } && normalised.StartsWith(Prefix + "-", StringComparison.Ordinal) ? normalised : null;
    }
}
