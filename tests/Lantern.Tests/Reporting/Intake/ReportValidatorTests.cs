using Lantern.Tests.Support;
using Lantern.Web.Core.Reports;
using Lantern.Web.Platform.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Tests.Reporting.Intake;

public sealed class ReportValidatorTests(IntakeServices intake) : IClassFixture<IntakeServices>
{
    private static ReportContent Valid() => new()
    {
        Role = "witness",
        Language = "en",
        Description = "Workers sleep in the back of the car wash.",
    };

    private async Task<IReadOnlyList<FieldError>> ValidateAsync(ReportContent content)
    {
        await using var scope = intake.Services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<ReportValidator>();
        return await validator.ValidateAsync(content, TestContext.Current.CancellationToken);
    }

    private async Task<IReadOnlyList<FieldError>> ValidateAsync(ReportContent content, IntakeSource source)
    {
        await using var scope = intake.Services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<ReportValidator>();
        return await validator.ValidateAsync(content, source, TestContext.Current.CancellationToken);
    }

    private static void AssertOnlyError(IReadOnlyList<FieldError> errors, string field, string messageKey)
    {
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(messageKey, error.MessageKey);
    }

    [Fact]
    public async Task MinimalReport_IsValid()
    {
        Assert.Empty(await ValidateAsync(Valid()));
    }

    [Fact]
    public async Task FullReport_IsValid()
    {
        var content = Valid();
        content.Role = "professional";
        content.ImmediateDanger = false;
        content.ExploitationTypes = ["labour", "sexual"];
        content.Signs = ["documents", "debt", "housing"];
        content.MinorsInvolved = true;
        content.YoungestAge = 15;
        content.Location = new() { Country = "BE", Postcode = "2000", Municipality = "Antwerpen", PlaceType = "workplace", Address = "Kaai 1" };
        content.When = "weeks";
        content.WhenDetails = "Every night\nafter ten";
        content.People = new() { Count = 4, Ages = "20-30", Languages = "Romanian", Descriptions = "Tall man,\nred jacket" };
        content.Entities = new()
        {
            Phones = ["0470 12 34 56"],
            Emails = ["boss@example.com"],
            Urls = ["example.com/jobs", "@recruiter_be"],
            Plates = ["1-ABC-123"],
            Companies = ["Clean-Star BV"],
        };
        content.Profession = "Labour inspector";
        content.Contact = new() { Channel = "sms", Address = "+32 470 99 88 77", SafeTimes = "mornings", MayLeaveMessage = false, CodeWord = "tulip" };

        Assert.Empty(await ValidateAsync(content));
    }

    [Fact]
    public async Task MissingRole_IsRequired()
    {
        var content = Valid();
        content.Role = "  ";

        AssertOnlyError(await ValidateAsync(content), "role", "error.required");
    }

    [Fact]
    public async Task UnknownRole_IsRefused()
    {
        var content = Valid();
        content.Role = "police-officer";

        AssertOnlyError(await ValidateAsync(content), "role", "error.choice");
    }

    [Fact]
    public async Task Codes_AreTrimmedAndLowerCased()
    {
        var content = Valid();
        content.Role = " Victim ";
        content.Language = "FR";
        content.ExploitationTypes = ["Labour", "labour "];

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal("victim", content.Role);
        Assert.Equal("fr", content.Language);
        Assert.Equal(["labour"], content.ExploitationTypes);
    }

    [Fact]
    public async Task MissingLanguage_IsRequired()
    {
        var content = Valid();
        content.Language = null;

        AssertOnlyError(await ValidateAsync(content), "language", "error.required");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("fr-BE")]
    [InlineData("english")]
    public async Task LanguageNotEnabled_IsRefused(string language)
    {
        var content = Valid();
        content.Language = language;

        AssertOnlyError(await ValidateAsync(content), "language", "error.choice");
    }

    [Fact]
    public async Task UnknownFormOfExploitation_IsRefused()
    {
        var content = Valid();
        content.ExploitationTypes = ["labour", "teleportation"];

        AssertOnlyError(await ValidateAsync(content), "exploitationTypes", "error.choice");
    }

    [Fact]
    public async Task UnknownSign_IsRefused()
    {
        var content = Valid();
        content.Signs = ["debt", "<script>"];

        AssertOnlyError(await ValidateAsync(content), "signs", "error.choice");
    }

    [Fact]
    public async Task SeededCodes_AreAccepted()
    {
        var content = Valid();
        content.ExploitationTypes = ["sexual", "labour", "begging", "criminality", "organs", "smuggling", "unknown"];
        content.Signs = ["movement", "documents", "debt", "wages", "deception", "violence", "threats", "isolation", "housing", "hours", "vulnerability", "control", "online", "minor", "fear"];

        Assert.Empty(await ValidateAsync(content));
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("2000")]
    [InlineData("9999")]
    [InlineData(" 4000 ")]
    public async Task BelgianPostcode_OfFourDigits_IsAccepted(string postcode)
    {
        var content = Valid();
        content.Location = new() { Country = "BE", Postcode = postcode };

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal(postcode.Trim(), content.Location.Postcode);
    }

    [Theory]
    [InlineData("0999")] // Belgian postcodes never start with 0
    [InlineData("200")]
    [InlineData("20000")]
    [InlineData("2OOO")]
    [InlineData("B-2000")]
    [InlineData("2000A")]
    public async Task BelgianPostcode_OtherwiseIsRefused(string postcode)
    {
        var content = Valid();
        content.Location = new() { Country = "BE", Postcode = postcode };

        AssertOnlyError(await ValidateAsync(content), "location.postcode", "error.postcode");
    }

    [Fact]
    public async Task CountryDefaultsToBelgium_SoItsPostcodeRulesApply()
    {
        var content = Valid();
        content.Location = new() { Postcode = "123" };

        AssertOnlyError(await ValidateAsync(content), "location.postcode", "error.postcode");
        Assert.Equal("BE", content.Location.Country);
    }

    [Fact]
    public async Task ForeignPostcode_FollowsLooserRules()
    {
        var content = Valid();
        content.Location = new() { Country = "nl", Postcode = "1012 AB" };

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal("NL", content.Location.Country);

        content.Location = new() { Country = "NL", Postcode = "1012;AB" };
        AssertOnlyError(await ValidateAsync(content), "location.postcode", "error.postcode");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("BEL")]
    [InlineData("12")]
    public async Task UnknownCountry_IsRefused(string country)
    {
        var content = Valid();
        content.Location = new() { Country = country };

        AssertOnlyError(await ValidateAsync(content), "location.country", "error.choice");
    }

    [Fact]
    public async Task UnknownPlaceType_IsRefused()
    {
        var content = Valid();
        content.Location = new() { PlaceType = "spaceship" };

        AssertOnlyError(await ValidateAsync(content), "location.placeType", "error.choice");
    }

    [Fact]
    public async Task UnknownTiming_IsRefused()
    {
        var content = Valid();
        content.When = "tomorrow";

        AssertOnlyError(await ValidateAsync(content), "when", "error.choice");
    }

    [Theory]
    [InlineData("0470 12 34 56")]
    [InlineData("+32 470 12 34 56")]
    [InlineData("02 511 64 64")]
    [InlineData("+40 721 234 567")]
    public async Task PhoneNumber_IsAccepted(string phone)
    {
        var content = Valid();
        content.Entities.Phones = [phone];

        Assert.Empty(await ValidateAsync(content));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("+32 470 12 34 56 78 90 12 34")]
    public async Task NotAPhoneNumber_IsRefused(string phone)
    {
        var content = Valid();
        content.Entities.Phones = [phone];

        AssertOnlyError(await ValidateAsync(content), "entities.phones", "error.phone");
    }

    [Theory]
    [InlineData("name@example")]
    [InlineData("not an address")]
    [InlineData("Boss <boss@example.com>")]
    [InlineData("boss@@example.com")]
    public async Task NotAnEmailAddress_IsRefused(string email)
    {
        var content = Valid();
        content.Entities.Emails = [email];

        AssertOnlyError(await ValidateAsync(content), "entities.emails", "error.email");
    }

    [Theory]
    [InlineData("ftp://files.example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("localhost")]
    [InlineData("@")]
    [InlineData("@bad handle")]
    public async Task NotAWebAddressOrHandle_IsRefused(string url)
    {
        var content = Valid();
        content.Entities.Urls = [url];

        AssertOnlyError(await ValidateAsync(content), "entities.urls", "error.url");
    }

    [Theory]
    [InlineData("!")]
    [InlineData("A")]
    [InlineData("1234567890ABC")]
    public async Task NotAPlate_IsRefused(string plate)
    {
        var content = Valid();
        content.Entities.Plates = [plate];

        AssertOnlyError(await ValidateAsync(content), "entities.plates", "error.plate");
    }

    [Fact]
    public async Task TwentyDetailsOfAKind_AreAccepted()
    {
        var content = Valid();
        content.Entities.Plates = Enumerable.Range(0, ReportValidator.MaxEntitiesPerKind).Select(i => "1-ABC-" + (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal(20, content.Entities.Plates.Count);
    }

    [Fact]
    public async Task MoreThanTwentyDetailsOfAKind_AreRefused()
    {
        var content = Valid();
        content.Entities.Companies = Enumerable.Range(0, 21).Select(i => "Company " + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        AssertOnlyError(await ValidateAsync(content), "entities.companies", "error.too_many");
        Assert.Empty(content.Entities.Companies);
    }

    [Fact]
    public async Task DuplicateDetails_AreDroppedAndBlanksIgnored()
    {
        var content = Valid();
        content.Entities.Emails = ["boss@example.com", "BOSS@example.com", "  ", "other@example.com"];

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal(["boss@example.com", "other@example.com"], content.Entities.Emails);
    }

    [Fact]
    public async Task DescriptionAtTheLimit_IsAccepted()
    {
        var content = Valid();
        content.Description = new string('a', ReportValidator.MaxDescription);

        Assert.Empty(await ValidateAsync(content));
    }

    [Fact]
    public async Task DescriptionOverTheLimit_IsTooLong()
    {
        var content = Valid();
        content.Description = new string('a', ReportValidator.MaxDescription + 1);

        AssertOnlyError(await ValidateAsync(content), "description", "error.too_long");
    }

    [Theory]
    [InlineData("municipality")]
    [InlineData("address")]
    [InlineData("ages")]
    [InlineData("relationship")]
    [InlineData("codeWord")]
    public async Task ShortTextOverItsLimit_IsTooLong(string field)
    {
        var content = Valid();
        var tooLong = new string('x', 501);
        string expectedField;
        switch (field)
        {
            case "municipality":
                content.Location.Municipality = tooLong;
                expectedField = "location.municipality";
                break;
            case "address":
                content.Location.Address = tooLong;
                expectedField = "location.address";
                break;
            case "ages":
                content.People.Ages = tooLong;
                expectedField = "people.ages";
                break;
            case "relationship":
                content.Relationship = tooLong;
                expectedField = "relationship";
                break;
            default:
                content.Contact = new() { Channel = "email", Address = "me@example.com", CodeWord = tooLong };
                expectedField = "contact.codeWord";
                break;
        }

        AssertOnlyError(await ValidateAsync(content), expectedField, "error.too_long");
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("bell\u0007")]
    [InlineData("escape \u001B[31m red")]
    [InlineData("delete\u007F")]
    [InlineData("c1 control \u0085")]
    [InlineData("right-to-left override \u202Egnp.exe")]
    public async Task ControlCharactersInTheDescription_AreRefused(string description)
    {
        var content = Valid();
        content.Description = description;

        AssertOnlyError(await ValidateAsync(content), "description", "error.characters");
    }

    [Fact]
    public async Task UnpairedSurrogateInTheDescription_IsRefused()
    {
        var content = Valid();
        content.Description = "lone surrogate " + (char)0xD800 + " here";

        AssertOnlyError(await ValidateAsync(content), "description", "error.characters");
    }

    [Theory]
    [InlineData("Kaai\n1")]
    [InlineData("Kaai\t1")]
    public async Task LineBreaksInOneLineFields_AreRefused(string address)
    {
        var content = Valid();
        content.Location.Address = address;

        AssertOnlyError(await ValidateAsync(content), "location.address", "error.characters");
    }

    [Fact]
    public async Task LineBreaksInTheDescription_AreKeptAsNewlines()
    {
        var content = Valid();
        content.Description = "First line\r\nsecond line\rthird\n\tindented";

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal("First line\nsecond line\nthird\n\tindented", content.Description);
    }

    [Fact]
    public async Task Text_IsNormalisedToNfcAndTrimmed()
    {
        var content = Valid();
        content.Description = "  Cafe\u0301 de la gare\u0300  ";
        content.Location.Municipality = "Lie\u0300ge";

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal("Caf\u00E9 de la gar\u00E8", content.Description);
        Assert.Equal("Li\u00E8ge", content.Location.Municipality);
    }

    [Fact]
    public async Task ContactWithoutAddress_IsRefused()
    {
        var content = Valid();
        content.Contact = new() { Channel = "phone" };

        AssertOnlyError(await ValidateAsync(content), "contact.address", "error.contact_address");
    }

    [Fact]
    public async Task ContactWithoutChannel_IsRefused()
    {
        var content = Valid();
        content.Contact = new() { Address = "0470 12 34 56" };

        AssertOnlyError(await ValidateAsync(content), "contact.channel", "error.required");
    }

    [Fact]
    public async Task ContactByUnknownChannel_IsRefused()
    {
        var content = Valid();
        content.Contact = new() { Channel = "pigeon", Address = "the old church" };

        AssertOnlyError(await ValidateAsync(content), "contact.channel", "error.choice");
    }

    [Fact]
    public async Task ContactByEmail_NeedsAnEmailAddress()
    {
        var content = Valid();
        content.Contact = new() { Channel = "email", Address = "0470 12 34 56" };

        AssertOnlyError(await ValidateAsync(content), "contact.address", "error.email");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("sms")]
    public async Task ContactByPhone_NeedsAPhoneNumber(string channel)
    {
        var content = Valid();
        content.Contact = new() { Channel = channel, Address = "me@example.com" };

        AssertOnlyError(await ValidateAsync(content), "contact.address", "error.phone");
    }

    [Fact]
    public async Task EmptyReport_IsRefused()
    {
        var content = new ReportContent { Role = "victim", Language = "en" };

        AssertOnlyError(await ValidateAsync(content), "description", "error.empty_report");
    }

    [Fact]
    public async Task ReportSayingOnlyIDontKnow_IsEmpty()
    {
        var content = new ReportContent { Role = "witness", Language = "en", ExploitationTypes = ["unknown"], Description = "   " };

        AssertOnlyError(await ValidateAsync(content), "description", "error.empty_report");
    }

    [Fact]
    public async Task ImmediateDangerAlone_IsEnoughToReport()
    {
        Assert.Empty(await ValidateAsync(new ReportContent { Role = "victim", Language = "en", ImmediateDanger = true }));
    }

    [Fact]
    public async Task ASignAlone_IsEnoughToReport()
    {
        Assert.Empty(await ValidateAsync(new ReportContent { Role = "witness", Language = "nl", Signs = ["fear"] }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(17)]
    public async Task YoungestAgeOfAMinor_IsAccepted(int age)
    {
        var content = Valid();
        content.MinorsInvolved = true;
        content.YoungestAge = age;

        Assert.Empty(await ValidateAsync(content));
        Assert.Equal(age, content.YoungestAge);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(18)]
    [InlineData(40)]
    public async Task YoungestAgeOutsideChildhood_IsRefused(int age)
    {
        var content = Valid();
        content.MinorsInvolved = true;
        content.YoungestAge = age;

        AssertOnlyError(await ValidateAsync(content), "youngestAge", "error.age");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task YoungestAge_WithoutAMinor_IsDropped(bool? minors)
    {
        var content = Valid();
        content.MinorsInvolved = minors;
        content.YoungestAge = 40;

        Assert.Empty(await ValidateAsync(content));
        Assert.Null(content.YoungestAge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task PeopleCountOutOfRange_IsRefused(int count)
    {
        var content = Valid();
        content.People.Count = count;

        AssertOnlyError(await ValidateAsync(content), "people.count", "error.range");
    }

    [Fact]
    public async Task EveryProblem_IsListed()
    {
        var content = new ReportContent
        {
            Role = "alien",
            Language = "xx",
            Signs = ["nope"],
            Entities = new() { Emails = ["nope"] },
            Location = new() { Postcode = "nope" },
        };

        var fields = (await ValidateAsync(content)).Select(e => e.Field).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["role", "language", "signs", "entities.emails", "location.postcode"], StringComparer.Ordinal), fields);
    }

    [Theory]
    [InlineData("ti")]
    [InlineData("ro")]
    [InlineData("other")]
    public async Task ACallersLanguage_NeedNotBeASiteLanguage(string language)
    {
        var content = Valid();
        content.Language = language;

        Assert.Empty(await ValidateAsync(content, IntakeSource.PhoneCall(Guid.NewGuid(), interpreterUsed: true, callMinutes: 12)));
        AssertOnlyError(await ValidateAsync(content), "language", "error.choice");
    }

    [Fact]
    public async Task ACallersLanguage_IsStillFromTheList()
    {
        var content = Valid();
        content.Language = "klingon";

        AssertOnlyError(await ValidateAsync(content, IntakeSource.PhoneCall(Guid.NewGuid(), false, 5)), "language", "error.choice");
    }

    [Fact]
    public async Task ACall_NeedsTheInterpreterAnswerAndTheDuration()
    {
        var fields = (await ValidateAsync(Valid(), IntakeSource.PhoneCall(Guid.NewGuid(), null, null)))
            .Select(e => (e.Field, e.MessageKey)).Order().ToList();

        Assert.Equal([("callMinutes", "error.required"), ("interpreterUsed", "error.required")], fields);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public async Task ACall_LastsOneTo600Minutes(int minutes, bool valid)
    {
        var errors = await ValidateAsync(Valid(), IntakeSource.PhoneCall(Guid.NewGuid(), false, minutes));

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            AssertOnlyError(errors, "callMinutes", "error.range");
        }
    }

    [Fact]
    public async Task AProfessionalsRegistration_HasNoCallDetails()
    {
        Assert.Empty(await ValidateAsync(Valid(), IntakeSource.Professional(Guid.NewGuid(), 3)));
    }
}
