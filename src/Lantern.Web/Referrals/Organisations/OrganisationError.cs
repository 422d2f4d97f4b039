namespace Lantern.Web.Referrals.Organisations;

/// <summary>One problem with the form: the field (the input's id without prefix), and the catalogue key of its message.</summary>
public sealed record OrganisationError(string Field, string Key, string Argument = "");
