namespace Lantern.Web.Detection.Extraction;

/// <summary>Where a text was written: a field for one kind of detail accepts looser forms of that kind.</summary>
public enum EntityField
{
    FreeText,
    Phone,
    Email,
    Handle,
    Plate,
    Company,
}
