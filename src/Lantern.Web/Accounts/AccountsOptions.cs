using System.ComponentModel.DataAnnotations;

namespace Lantern.Web.Accounts;

/// <summary>The <c>Lantern:Accounts</c> section: staff sessions and second-factor confirmation (docs/CONFIGURATION.md).</summary>
public sealed class AccountsOptions
{
    public const string Section = "Lantern:Accounts";

    /// <summary>A staff session ends after this many minutes without a request.</summary>
    [Range(1, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How long a second-factor confirmation covers sensitive actions (user management, tokens, exports).</summary>
    [Range(1, 60)]
    public int StepUpMinutes { get; set; } = 5;

    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>On a first run in Development, create a demo administrator and fictitious reports.</summary>
    public bool CreateDemoContent { get; set; } = true;
}
