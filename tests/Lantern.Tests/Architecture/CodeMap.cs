using System.Reflection;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Lantern.Tests.Architecture;

/// <summary>
/// The application's types and their dependencies, as ArchUnitNET reads them from the compiled assembly, each
/// placed in the folder its source sits in. Razor views compile into the namespace <c>AspNetCoreGeneratedDocument</c>;
/// each is placed by the path the compiler records for it (<see cref="RazorCompiledItemAttribute"/>), so a view that
/// uses another folder's type is a dependency of its own folder like any class's.
/// </summary>
public static class CodeMap
{
    private const string Root = "Lantern.Web";

    private static readonly System.Reflection.Assembly Application = typeof(Program).Assembly;

    public static readonly ArchUnitNET.Domain.Architecture Architecture = new ArchLoader().LoadAssemblies(Application).Build();

    /// <summary>View class full name → the pseudo-namespace of its folder, e.g. <c>Lantern.Web.Triage.Staff</c>.</summary>
    private static readonly Dictionary<string, string> ViewFolders = Application
        .GetCustomAttributes<RazorCompiledItemAttribute>()
        .ToDictionary(item => item.Type.FullName!, item => FolderOf(item.Identifier), StringComparer.Ordinal);

    private static string FolderOf(string identifier)
    {
        var folder = identifier[..identifier.LastIndexOf('/')].Trim('/').Replace('/', '.');
        return folder.Length == 0 ? Root : $"{Root}.{folder}";
    }

    /// <summary>The folder of a type as a namespace (<c>Lantern.Web.Core.Reports</c>), or null for a type of another assembly.</summary>
    public static string? FolderOf(IType type)
    {
        var fullName = type.FullName;
        var outer = fullName.Split('+')[0];
        if (ViewFolders.TryGetValue(outer, out var viewFolder))
        {
            return viewFolder;
        }
        if (type.Assembly?.FullName != Application.FullName)
        {
            return null;
        }
        var ns = type.Namespace.FullName;
        if (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return ns;
        }
        // Top-level statements (Program) and anything the compiler puts outside our namespaces: the composition root.
        return ns.Length == 0 && (outer == "Program" || outer.StartsWith("<Program>", StringComparison.Ordinal)) ? $"{Root}.Hosting" : null;
    }

    /// <summary>The first folder under src/Lantern.Web (<c>Triage</c>, <c>Core</c>, <c>Platform</c>, <c>Hosting</c>), "" for the root.</summary>
    public static string TopOf(string folder) =>
        folder == Root ? "" : folder[(Root.Length + 1)..].Split('.')[0];

    /// <summary>Every dependency between two types of the application, by the folders they sit in.</summary>
    public static IReadOnlyList<Edge> Edges { get; } = Architecture.Types
        .SelectMany(type => type.Dependencies.Select(dependency => (Source: type, dependency.Target)))
        .Select(pair => (pair.Source, pair.Target, From: FolderOf(pair.Source), To: FolderOf(pair.Target)))
        .Where(pair => pair.From is not null && pair.To is not null && pair.From != pair.To)
        .Select(pair => new Edge(pair.From!, pair.To!, pair.Source.FullName, pair.Target.FullName))
        .Distinct()
        .ToList();
}

/// <summary>A type of folder <see cref="From"/> using a type of folder <see cref="To"/>.</summary>
public sealed record Edge(string From, string To, string SourceType, string TargetType)
{
    public override string ToString() => $"{SourceType} ({From}) uses {TargetType} ({To})";
}
