using System.Globalization;
using Lantern.Web.Core.Reports;
using Lantern.Web.Detection.Extraction;

namespace Lantern.Tests.Detection;

/// <summary>
/// Extraction and linking measured on <see cref="DetectionCorpus"/>: precision, recall and F1 per kind, and of the
/// linked pairs (two reports sharing a detail), each at 0.95 or better. The figures are printed (docs/DETECTION.md
/// keeps the latest).
/// </summary>
public sealed class DetectionCorpusTests(ITestOutputHelper output)
{
    private const double Floor = 0.95;

    private static readonly ServiceNumbers _services = new(DetectionCorpus.ServicePhones);

    [Fact]
    public void ExtractionPerKind_ReachesTheFloor()
    {
        var expected = Expected();
        var found = Found();
        output.WriteLine("kind      support  precision  recall  F1");
        var failures = new List<string>();
        foreach (var kind in EntityKinds.All)
        {
            var truth = expected.Where(e => e.Kind == kind).ToHashSet();
            var guess = found.Where(e => e.Kind == kind).ToHashSet();
            var (precision, recall, f1) = Score(truth, guess);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-9} {truth.Count,7}  {precision,9:0.000}  {recall,6:0.000}  {f1:0.000}"));
            foreach (var miss in truth.Except(guess))
            {
                output.WriteLine($"  missed {miss}");
            }

            foreach (var extra in guess.Except(truth))
            {
                output.WriteLine($"  wrong  {extra}");
            }

            if (precision < Floor || recall < Floor || f1 < Floor)
            {
                failures.Add(kind);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void LinkedPairs_ReachTheFloor()
    {
        var truth = Pairs(Expected());
        var guess = Pairs(Found());
        var (precision, recall, f1) = Score(truth, guess);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"linked pairs: {truth.Count} true, {guess.Count} found; precision {precision:0.000}, recall {recall:0.000}, F1 {f1:0.000}"));
        foreach (var miss in truth.Except(guess))
        {
            output.WriteLine($"  missed {miss}");
        }

        foreach (var extra in guess.Except(truth))
        {
            output.WriteLine($"  wrong  {extra}");
        }

        Assert.True(truth.Count >= 20, "The corpus plants at least 20 linked pairs.");
        Assert.True(precision >= Floor && recall >= Floor, $"Linked pairs: precision {precision:0.000}, recall {recall:0.000}.");
    }

    [Fact]
    public void TheCorpus_CoversTheLanguagesOfTheIssue()
    {
        var languages = DetectionCorpus.Reports.Select(r => r.Language).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(languages, new HashSet<string>(["fr", "nl", "de", "en", "ro", "bg", "uk", "ar"], StringComparer.Ordinal));
    }

    private static HashSet<(string Report, string Kind, string Value)> Expected() =>
        [.. DetectionCorpus.Reports.SelectMany(r => r.Expected.Select(e => (r.Id, e[..e.IndexOf(':', StringComparison.Ordinal)], e[(e.IndexOf(':', StringComparison.Ordinal) + 1)..])))];

    private static HashSet<(string Report, string Kind, string Value)> Found() =>
        [.. DetectionCorpus.Reports.SelectMany(r => EntityExtractor.Extract(new ReportContent { Description = r.Text }, "BE", _services).Select(e => (r.Id, e.Kind, e.Value)))];

    /// <summary>Pairs of reports sharing at least one detail, as "A1+A2".</summary>
    private static HashSet<string> Pairs(HashSet<(string Report, string Kind, string Value)> entities)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in entities.GroupBy(e => (e.Kind, e.Value)))
        {
            var reports = group.Select(e => e.Report).Distinct().Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < reports.Count; i++)
            {
                for (var j = i + 1; j < reports.Count; j++)
                {
                    pairs.Add(reports[i] + "+" + reports[j]);
                }
            }
        }

        return pairs;
    }

    private static (double Precision, double Recall, double F1) Score<T>(HashSet<T> truth, HashSet<T> guess)
    {
        var hits = truth.Intersect(guess).Count();
        var precision = guess.Count == 0 ? (truth.Count == 0 ? 1 : 0) : (double)hits / guess.Count;
        var recall = truth.Count == 0 ? (guess.Count == 0 ? 1 : 0) : (double)hits / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }
}
