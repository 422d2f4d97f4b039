using Lantern.Web.Core.Organisations;

namespace Lantern.Web.Referrals.Directory;

/// <summary>What a search found: the region worked out, whether the postcode was understood, and the organisations.</summary>
public sealed record HelpResult(string? Region, bool PostcodeUnknown, IReadOnlyList<Organisation> Organisations);
