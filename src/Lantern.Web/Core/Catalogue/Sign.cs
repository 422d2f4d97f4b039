namespace Lantern.Web.Core.Catalogue;

/// <summary>A sign of trafficking (DOMAIN.md). The text comes from the catalogues (<c>sign.{code}</c>).</summary>
public sealed class Sign
{
    public required string Code { get; set; }

    public int SortOrder { get; set; }

    public bool Enabled { get; set; } = true;
}
