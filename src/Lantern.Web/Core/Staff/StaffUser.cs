using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Core.Staff;

/// <summary>A staff account: a person of one organisation, with one or more roles, two factors mandatory.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    /// <summary>The organisation the person works for; partner caseworkers see only what is referred to it.</summary>
    public int? OrganisationId { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>SHA-256 of the one-time enrolment token (never the token); null once enrolled.</summary>
    public byte[]? EnrolmentTokenHash { get; set; }

    public DateTime? EnrolmentExpiresAt { get; set; }

    /// <summary>The 30-second time step of the last authenticator code accepted: a code works once.</summary>
    public long? LastCodeStep { get; set; }
}
