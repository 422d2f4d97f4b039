using Lantern.Web.Statistics.Disclosure;

namespace Lantern.Web.Statistics.Publication;

/// <summary>A published table of a period: its definition and what the disclosure control lets out.</summary>
public sealed record PublicTable(PublicTableDefinition Definition, PublishedTable Figures);
