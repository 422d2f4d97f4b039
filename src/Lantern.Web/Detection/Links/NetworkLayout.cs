namespace Lantern.Web.Detection.Links;

/// <summary>
/// Places a network's nodes on rings around the opened report, one ring per hop, spread evenly, so the drawing is made
/// on the server (no script) and stays the same for the same data.
/// </summary>
public static class NetworkLayout
{
    public const int Radius = 100;

    public static Dictionary<string, (double X, double Y)> Place(IReadOnlyList<NetworkNode> nodes)
    {
        var places = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var ring in nodes.GroupBy(n => n.Hop))
        {
            var members = ring.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                // Each ring is turned a little against the one inside it, so edges do not run along a single line.
                var angle = (2 * Math.PI * i / members.Count) + (ring.Key * 0.35) - (Math.PI / 2);
                var radius = ring.Key * Radius;
                places[members[i].Id] = (Math.Round(radius * Math.Cos(angle), 1), Math.Round(radius * Math.Sin(angle), 1));
            }
        }

        return places;
    }
}
