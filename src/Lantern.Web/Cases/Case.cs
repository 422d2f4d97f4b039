namespace Lantern.Web.Cases;

/// <summary>
/// A group of reports about the same situation (the same workplace, the same people). It carries no content
/// of its own, only a reference: what the reports say stays encrypted in each report.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; }

    /// <summary>The case reference, e.g. <c>CS-4F7K-9QXM</c>.</summary>
    public required string Reference { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }
}
