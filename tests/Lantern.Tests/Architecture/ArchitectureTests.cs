namespace Lantern.Tests.Architecture;

/// <summary>
/// The folders of src/Lantern.Web and what each may use (docs/ARCHITECTURE.md, "Folders and their dependencies").
/// Every dependency between two types of the application counts, views included (<see cref="CodeMap"/>). Each rule
/// fails with its name, its reason and every dependency that breaks it.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Web = "Lantern.Web";

    /// <summary>The capabilities: each a top folder that depends on Core and Platform.</summary>
    public static readonly string[] Capabilities = ["Accounts", "Audit", "Cases", "Content", "Detection", "FollowUp", "Referrals", "Reporting", "Retention", "Statistics", "Triage"];

    /// <summary>
    /// The only uses of one capability by another, each with its reason. Anything else goes through the core (an
    /// interface the core owns, e.g. <c>IReportGrants</c>), and these edges may never form a cycle.
    /// </summary>
    public static readonly Dictionary<(string From, string To), string> AllowedEdges = new()
    {
    };

    /// <summary>The public side (what the public host serves) by folder; it may use nothing of the back office.</summary>
    private static readonly string[] PublicFolders =
    [
        "Reporting.Pages", "Reporting.Intake", "Reporting.Questionnaire", "Reporting.Api", "Reporting.Files",
        "FollowUp.Pages", "FollowUp.Sessions", "FollowUp.Thread", "FollowUp.Api", "Content.Pages", "Content.Guidance", "Content.Articles", "Content.Campaigns", "Content.Rendering", "Content.Resources", "Referrals.Directory",
        "Statistics.Pages", "Statistics.Publication", "Statistics.OpenData", "Statistics.Disclosure", "Statistics.Charts",
    ];

    [Fact]
    public void Platform_UsesNoCoreNoCapabilityAndNoHost()
    {
        var violations = CodeMap.Edges
            .Where(e => Top(e.From) == "Platform" && Top(e.To) != "Platform" && Top(e.To) != "");
        Check("Platform uses no Core, no capability and no Hosting",
            "Platform is the infrastructure under everything (crypto, localisation, mail, web plumbing, generic persistence); if it named a capability, no capability could be understood, moved or left out on its own",
            violations);
    }

    [Fact]
    public void Core_UsesNoCapabilityAndNoHost()
    {
        var violations = CodeMap.Edges.Where(e => Top(e.From) == "Core" && Top(e.To) is not ("Core" or "Platform" or ""));
        Check("Core uses only Platform",
            "the report core is what every capability shares; where it needs a capability's answer it owns an interface the capability implements (IReportGrants, IReportCases)",
            violations);
    }

    [Fact]
    public void Capabilities_UseOtherCapabilitiesOnlyThroughTheListedEdges()
    {
        var violations = CodeMap.Edges.Where(e =>
            Capabilities.Contains(Top(e.From)) && Capabilities.Contains(Top(e.To)) && Top(e.From) != Top(e.To)
            && !AllowedEdges.ContainsKey((Top(e.From), Top(e.To))));
        Check("a capability uses another only through an edge listed in ArchitectureTests.AllowedEdges",
            "capabilities depend on Core and Platform; a direct use of another capability is allowed only where it is listed with its reason, otherwise it goes through the core (an interface or event the core owns)",
            violations);
    }

    [Fact]
    public void Capabilities_FormNoCycle()
    {
        var edges = CodeMap.Edges
            .Select(e => (From: Top(e.From), To: Top(e.To)))
            .Where(e => Capabilities.Contains(e.From) && Capabilities.Contains(e.To) && e.From != e.To)
            .Concat(AllowedEdges.Keys)
            .Distinct()
            .ToList();
        var cycles = Cycles(edges).ToList();
        Assert.True(cycles.Count == 0,
            "Rule broken: capabilities form no cycle. Why: a cycle makes two capabilities one that cannot be owned, " +
            "tested or left out alone; break it through the core. Cycles:\n  " + string.Join("\n  ", cycles));
    }

    [Fact]
    public void PublicSide_UsesNothingOfTheBackOffice()
    {
        var violations = CodeMap.Edges.Where(e => IsPublic(e.From) && IsBackOffice(e.To));
        Check("the public side uses nothing of the back office",
            "the public intake must run alone on the public host (role Intake): what it reaches in the back office (staff pages, Triage, Accounts, Cases, Audit, Referrals outside the directory) is not there, or would open the back office to the public",
            violations);
    }

    [Fact]
    public void Hosting_IsTheOnlyCompositionRoot()
    {
        var violations = CodeMap.Edges.Where(e => Top(e.From) != "Hosting" && Top(e.To) == "Hosting");
        Check("only Hosting (and Program) knows every capability, and nothing uses Hosting",
            "the composition root (registration, command line, demo content) may know everything; anything that depended on it would depend on everything",
            violations);
    }

    [Fact]
    public void TheMapSeesViewsAndEveryFolder()
    {
        // A rule over an empty or view-blind map could never fail.
        Assert.Contains(CodeMap.Edges, e => e.SourceType.StartsWith("AspNetCoreGeneratedDocument.", StringComparison.Ordinal) && Top(e.From) == "Triage");
        foreach (var folder in Capabilities.Concat(["Core", "Platform", "Hosting"]))
        {
            Assert.Contains(CodeMap.Edges, e => Top(e.From) == folder);
        }
    }

    private static string Top(string folder) => CodeMap.TopOf(folder);

    /// <summary>In a public folder, and not in a back-office part of it (<c>Reporting.Files.Staff</c>).</summary>
    private static bool IsPublic(string folder) =>
        PublicFolders.Any(f => folder == $"{Web}.{f}" || folder.StartsWith($"{Web}.{f}.", StringComparison.Ordinal)) && !IsBackOffice(folder);

    private static bool IsBackOffice(string folder)
    {
        var parts = folder.Split('.');
        var top = Top(folder);
        return parts.Contains("Staff")
            || top is "Triage" or "Accounts" or "Cases" or "Audit" or "Retention"
            || (top == "Referrals" && !folder.StartsWith($"{Web}.Referrals.Directory", StringComparison.Ordinal));
    }

    private static void Check(string rule, string why, IEnumerable<Edge> violations)
    {
        var list = violations.Select(v => v.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(list.Count == 0, $"Rule broken: {rule}.\nWhy: {why}.\nViolations ({list.Count}):\n  " + string.Join("\n  ", list));
    }

    /// <summary>Each cycle of the graph once, as "A -> B -> A".</summary>
    private static HashSet<string> Cycles(IReadOnlyList<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order(StringComparer.Ordinal).ToList());
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            var stack = new Stack<(string Node, List<string> Path)>();
            stack.Push((start, [start]));
            while (stack.Count > 0)
            {
                var (node, path) = stack.Pop();
                foreach (var to in next.GetValueOrDefault(node) ?? [])
                {
                    if (to == start)
                    {
                        // Named from its smallest member so each cycle is reported once.
                        var min = path.Min(StringComparer.Ordinal)!;
                        var at = path.IndexOf(min);
                        var rotated = path.Skip(at).Concat(path.Take(at)).Append(min);
                        found.Add(string.Join(" -> ", rotated));
                    }
                    else if (!path.Contains(to))
                    {
                        stack.Push((to, [.. path, to]));
                    }
                }
            }
        }

        return found;
    }
}
