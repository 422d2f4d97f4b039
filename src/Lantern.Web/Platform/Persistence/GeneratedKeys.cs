namespace Lantern.Web.Platform.Persistence;

/// <summary>
/// Store-generated keys (an identity column) that a failed save may have left on an entity: cleared before the
/// entity is added to another context, which would otherwise insert it with the stale value as an explicit key.
/// </summary>
public static class GeneratedKeys
{
    public static void Clear(DbContext db, object entity)
    {
        var type = db.Model.FindEntityType(entity.GetType())
            ?? throw new InvalidOperationException($"{entity.GetType().Name} is not in the database model.");
        foreach (var key in type.FindPrimaryKey()?.Properties ?? [])
        {
            if (key.ValueGenerated.HasFlag(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd) && key.PropertyInfo is { } property)
            {
                property.SetValue(entity, key.Sentinel);
            }
        }
    }
}
