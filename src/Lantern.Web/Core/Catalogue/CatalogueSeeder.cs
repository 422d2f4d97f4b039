namespace Lantern.Web.Core.Catalogue;

/// <summary>Seeds the forms of exploitation and the signs of DOMAIN.md; codes already present are left as edited.</summary>
internal sealed class CatalogueSeeder : ISeeder
{
    public static readonly string[] Forms = ["sexual", "labour", "begging", "criminality", "organs", "smuggling", ReportingCatalogue.UnknownForm];

    public static readonly string[] Signs =
    [
        "movement", "documents", "debt", "wages", "deception", "violence", "threats", "isolation",
        "housing", "hours", "vulnerability", "control", "online", "minor", "fear",
    ];

    public async Task SeedAsync(LanternDbContext db, CancellationToken cancellationToken)
    {
        var forms = await db.ExploitationForms.Select(f => f.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < Forms.Length; i++)
        {
            if (!forms.Contains(Forms[i]))
            {
                db.ExploitationForms.Add(new ExploitationForm { Code = Forms[i], SortOrder = (i + 1) * 10 });
            }
        }

        var signs = await db.Signs.Select(s => s.Code).ToListAsync(cancellationToken);
        for (var i = 0; i < Signs.Length; i++)
        {
            if (!signs.Contains(Signs[i]))
            {
                db.Signs.Add(new Sign { Code = Signs[i], SortOrder = (i + 1) * 10 });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
