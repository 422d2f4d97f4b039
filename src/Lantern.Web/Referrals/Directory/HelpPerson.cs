namespace Lantern.Web.Referrals.Directory;

/// <summary>Who asks for help: an adult, a child under 18, or not known.</summary>
public enum HelpPerson
{
    Unknown,
    Adult,
    Minor,
}
