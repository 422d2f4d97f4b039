namespace Lantern.Web.Platform.Localisation;

/// <summary>Where one language's translation stands (for editors and the <c>languages status</c> command).</summary>
/// <param name="Language">The code, e.g. <c>ar</c>.</param>
/// <param name="Offered">Enabled and complete: the public site speaks it.</param>
/// <param name="Configured">In <c>Lantern:Languages:Enabled</c> (or the default set when that is empty).</param>
/// <param name="PublicTexts">How many public texts English has.</param>
/// <param name="Missing">Public keys without a text: its pages would show them in English, so it is not offered.</param>
/// <param name="Unreviewed">Keys whose text no native speaker has reviewed yet.</param>
/// <param name="BackOffice">Whether the back office is written in it too.</param>
public sealed record LanguageStatus(
    string Language, bool Offered, bool Configured, int PublicTexts, IReadOnlyList<string> Missing, IReadOnlyList<string> Unreviewed, bool BackOffice);
