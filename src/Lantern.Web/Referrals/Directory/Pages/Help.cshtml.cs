using Lantern.Web.Core.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Referrals.Directory.Pages;

/// <summary>
/// The public help directory: a plain GET form (works without JavaScript, the answers stay out of any cookie)
/// by postcode or region and situation; the emergency numbers always on top, first and prominent with danger.
/// </summary>
public sealed class HelpModel(HelpDirectory directory, ReportingCatalogue catalogue) : PageModel
{
    [FromRoute]
    public string Lang { get; set; } = string.Empty;

    [FromQuery(Name = "postcode")]
    public string? Postcode { get; set; }

    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    [FromQuery(Name = "who")]
    public string? Who { get; set; }

    [FromQuery(Name = "form")]
    public string? Form { get; set; }

    [FromQuery(Name = "danger")]
    public string? Danger { get; set; }

    public bool ImmediateDanger => Danger == "yes";

    public bool Searched { get; private set; }

    public bool PostcodeInvalid { get; private set; }

    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<string> Forms { get; private set; } = [];

    public HelpResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Regions = await directory.RegionsAsync(cancellationToken);
        Forms = await catalogue.FormsAsync(cancellationToken);
        Searched = Request.Query.Count > 0;
        Postcode = Postcode?.Trim();
        if (Postcode is { Length: > 0 } && (Postcode.Length > 10 || !Postcode.All(char.IsAsciiDigit)))
        {
            // Not a postcode at all: say so and search without it rather than guess.
            PostcodeInvalid = true;
        }

        var person = Who switch
        {
            "adult" => HelpPerson.Adult,
            "minor" => HelpPerson.Minor,
            _ => HelpPerson.Unknown,
        };
        var form = Form is not null && Forms.Contains(Form) ? Form : null;
        var region = Region is not null && Regions.Contains(Region) ? Region : null;
        Result = await directory.SearchAsync(new HelpQuery(PostcodeInvalid ? null : Postcode, region, person, form), cancellationToken);
    }
}
