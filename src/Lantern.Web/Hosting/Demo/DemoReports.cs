namespace Lantern.Web.Hosting.Demo;

/// <summary>
/// The demo's reports: clearly fictitious (every free text starts with "DEMO –", people are "Person A", addresses and
/// companies are made up, contact details use the reserved example.org domain), varied enough to show the inbox:
/// every region (postcodes 1000, 2000, 4000), immediate danger, a minor, a phone call, two reports sharing a detail.
/// </summary>
public static class DemoReports
{
    public const string Prefix = "DEMO – ";

    public static IReadOnlyList<DemoReport> All { get; } =
    [
        new(new ReportContent
        {
            Role = "witness",
            Language = "en",
            ImmediateDanger = false,
            ExploitationTypes = ["labour"],
            Signs = ["hours", "housing", "documents"],
            MinorsInvolved = false,
            Location = new() { Country = "BE", Postcode = "2000", Municipality = "Antwerpen", PlaceType = "workplace", Address = Prefix + "Example Street 1" },
            When = "weeks",
            People = new() { Count = 3, Ages = "20-30", Languages = Prefix + "a language I did not recognise" },
            Entities = new() { Urls = ["https://jobs.example.org/car-wash"], Companies = [Prefix + "Example Car Wash"] },
            Description = Prefix + "Person A and two other men wash cars from early morning until late at night, every day. They sleep in a room behind the car wash. The owner keeps their passports.",
            Relationship = Prefix + "customer",
        }, ReportCodes.Channels.Web, 70),

        new(new ReportContent
        {
            Role = "victim",
            Language = "fr",
            ImmediateDanger = true,
            ExploitationTypes = ["sexual"],
            Signs = ["violence", "threats", "control", "movement"],
            MinorsInvolved = false,
            Location = new() { Country = "BE", Postcode = "1000", Municipality = "Bruxelles", PlaceType = "home" },
            When = "now",
            Entities = new() { Urls = ["https://ads.example.org/new-in-town"] },
            Description = Prefix + "Person B écrit qu'elle est enfermée dans un appartement et que l'homme qui garde son téléphone va revenir ce soir.",
            Contact = new() { Channel = "email", Address = "person.b@example.org", SafeTimes = Prefix + "weekdays before 9", MayLeaveMessage = false, CodeWord = Prefix + "lantern" },
        }, ReportCodes.Channels.Web, 1),

        new(new ReportContent
        {
            Role = "witness",
            Language = "nl",
            ImmediateDanger = false,
            ExploitationTypes = ["begging"],
            Signs = ["minor", "control"],
            MinorsInvolved = true,
            YoungestAge = 12,
            Location = new() { Country = "BE", Postcode = "2000", Municipality = "Antwerpen", PlaceType = "street" },
            When = "days",
            People = new() { Count = 2, Ages = Prefix + "about 12 and 14" },
            Description = Prefix + "Twee kinderen (Person C en Person D) bedelen elke dag bij het station. Een man haalt om de twee uur het geld op.",
        }, ReportCodes.Channels.Web, 20),

        new(new ReportContent
        {
            Role = "victim",
            Language = "ro",
            ImmediateDanger = false,
            ExploitationTypes = ["labour"],
            Signs = ["debt", "wages", "deception"],
            MinorsInvolved = false,
            Location = new() { Country = "BE", Postcode = "4000", Municipality = "Liège", PlaceType = "construction" },
            When = "months",
            Description = Prefix + "Person E called the line with an interpreter. He was promised a job in construction; he has not been paid for three months and is told he owes the cost of his journey.",
            Contact = new() { Channel = "email", Address = "person.e@example.org", SafeTimes = Prefix + "Sundays only", MayLeaveMessage = false },
        }, ReportCodes.Channels.Phone, 45),

        new(new ReportContent
        {
            Role = "professional",
            Language = "en",
            ImmediateDanger = false,
            ExploitationTypes = ["criminality"],
            Signs = ["fear", "isolation", "vulnerability"],
            MinorsInvolved = false,
            Location = new() { Country = "BE", Postcode = "4000", Municipality = "Liège", PlaceType = "home" },
            When = "weeks",
            Description = Prefix + "Person F, whom I support, says she is made to look after a cannabis plantation in a house she may not leave.",
            Profession = Prefix + "social worker at an example organisation",
        }, ReportCodes.Channels.Api, 100),

        new(new ReportContent
        {
            Role = "witness",
            Language = "de",
            ImmediateDanger = false,
            ExploitationTypes = ["sexual"],
            Signs = ["online"],
            MinorsInvolved = false,
            Location = new() { Country = "BE", Postcode = "1000", Municipality = "Brüssel", PlaceType = "online" },
            When = "days",
            Entities = new() { Urls = ["https://ads.example.org/new-in-town"], Emails = ["bookings@example.org"] },
            Description = Prefix + "Anzeigen mit „neu in der Stadt, 24/7“ erscheinen jede Woche mit anderen Namen (Person G) und derselben Kontaktadresse.",
        }, ReportCodes.Channels.Web, 30),

        new(new ReportContent
        {
            Role = "witness",
            Language = "en",
            ExploitationTypes = ["unknown"],
            Signs = ["fear", "isolation"],
            Location = new() { Country = "BE", Postcode = "2000", PlaceType = "unknown" },
            When = "unknown",
            Description = Prefix + "A neighbour, Person H, never goes out alone and seems afraid when someone speaks to her. I am not sure what is going on.",
        }, ReportCodes.Channels.Web, 140),

        new(new ReportContent
        {
            Role = "victim",
            Language = "en",
            ImmediateDanger = false,
            ExploitationTypes = ["labour"],
            Signs = ["documents", "debt", "hours", "isolation"],
            MinorsInvolved = false,
            Location = new() { Country = "BE", Postcode = "1000", PlaceType = "home" },
            When = "year",
            Description = Prefix + "Person J looks after the children and cleans a family's house from 6 in the morning until midnight. They keep her papers and say she owes them for her ticket.",
        }, ReportCodes.Channels.Web, 8),
    ];
}
