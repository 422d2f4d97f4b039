using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Platform.Observability;

/// <summary><c>Lantern:Metrics</c>: the Prometheus endpoint, off unless an operator turns it on.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Lantern:Metrics";

    public bool Enabled { get; set; }

    /// <summary>The address the endpoint listens on: its own listener, never the site's port.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 9464;

    /// <summary>How often the gauges read the database (overdue work, the outbox), in seconds.</summary>
    [Range(5, 3600)]
    public int RefreshSeconds { get; set; } = 30;
}
