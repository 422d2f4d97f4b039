namespace Lantern.Tests.Detection;

/// <summary>
/// Reports written for the detection tests, in the languages the contact point receives, as people write them: planted
/// networks (the same phone, account, plate, company or profile written differently across reports and languages),
/// near misses that differ by one digit, service and emergency numbers, and dates, times, amounts, postcodes and file
/// references that look like numbers. All persons, numbers and addresses are invented.
/// </summary>
public static class DetectionCorpus
{
    /// <summary>The phones of the seeded directory and the contact point's line: never entities.</summary>
    public static readonly string[] ServicePhones =
        ["+3278055800", "+3225116464", "+3232011690", "+3242324030", "+3278154324", "+32473400066", "+3225035629"];

    public static readonly CorpusReport[] Reports =
    [
        // Network A: a car wash. One phone, one account, one van, across French, Dutch, Romanian and English.
        new("A1", "fr", "Les ouvriers du car-wash de la chaussée de Mons dorment sur place. Le patron répond au 0470 12 34 56, il paie 3 € de l'heure.",
            "phone:+32470123456"),
        new("A2", "nl", "Ze worden elke ochtend om 6u30 opgehaald met een witte bestelwagen, nummerplaat 1-abc-123. Bellen naar 0470/12.34.56 voor werk.",
            "phone:+32470123456", "plate:1ABC123"),
        new("A3", "ro", "Mi-au promis 1.500 euro pe lună, dar banii merg în contul BE71 0961 2345 6769. Șeful are numărul +32 470 12 34 56.",
            "iban:BE71096123456769", "phone:+32470123456"),
        new("A4", "en", "The van (plate 1 ABC 123) drops them at the wash at 07:15. Wages are paid into be71096123456769, then taken back.",
            "plate:1ABC123", "iban:BE71096123456769"),

        // Network B: online recruitment. A Telegram profile, an e-mail, a site.
        new("B1", "en", "She was recruited through t.me/ana_new25 with a promise of modelling work in Brussels.",
            "handle:telegram:ana_new25"),
        new("B2", "bg", "Намериха я в Телеграм @ana_new25. Пишат ѝ от Ana.New @ Mail-Box.eu и ѝ взимат 200 лв. на седмица.",
            "handle:telegram:ana_new25", "email:ana.new@mail-box.eu"),
        new("B3", "uk", "Оголошення на https://www.escort-brx.com/ana/?ref=3 — контакт ana_new25 (telegram). Дівчині, здається, 17 років.",
            "url:escort-brx.com/ana", "handle:telegram:ana_new25"),
        new("B4", "ar", "رأيت الإعلان على escort-brx.com/ana والبريد ana.new@mail-box.eu وهي لا تتكلم مع أحد.",
            "url:escort-brx.com/ana", "email:ana.new@mail-box.eu"),

        // Network C: a cleaning company that changes its name but not its enterprise number.
        new("C1", "de", "Die Reinigungsfirma Glanz GmbH (BE 0123.456.749) beschäftigt Leute ohne Vertrag. Büro: 02 345 67 89, am 12.03.2024 kontrolliert.",
            "company:0123456749", "phone:+3223456789"),
        new("C2", "nl", "Schoonmaakbedrijf Sparkle, ondernemingsnummer 0123456749, nu onder een andere naam. Lonen van 450 euro per maand.",
            "company:0123456749"),
        new("C3", "fr", "La société CleanStar BE0123456749 recrute des femmes sans papiers. Bureau au 02/345.67.89, réf. PV 2024/118822.",
            "company:0123456749", "phone:+3223456789"),

        // Network D: seasonal farm work, Romanian and German, with an Instagram recruiter.
        new("D1", "ro", "Recrutorul ne-a scris pe instagram @lola99 și ne-a dat numărul 0040 721 234 567. Am plătit 2 500 lei pentru drum.",
            "handle:instagram:lola99", "phone:+40721234567"),
        new("D2", "de", "Der Vermittler ist unter +40 721 234 567 erreichbar. Lohn auf DE89 3704 0044 0532 0130 00, nie ausgezahlt. PLZ 4000 Liège.",
            "phone:+40721234567", "iban:DE89370400440532013000"),
        new("D3", "en", "Profile: Instagram.com/Lola99/?igsh=MXV2 and payments to DE89370400440532013000 every Friday at 18:00.",
            "handle:instagram:lola99", "iban:DE89370400440532013000"),

        // Network E: a Ukrainian number written nationally and internationally.
        new("E1", "uk", "Нам сказали дзвонити +380 67 123 4567, якщо хтось питатиме. Заплатили 3 500 грн за документи.",
            "phone:+380671234567"),
        new("E2", "en", "The driver's Ukrainian number is 00380 67 123 4567; the company is registered as BE 0477.123.402.",
            "phone:+380671234567", "company:0477123402"),
        new("E3", "nl", "Zelfde chauffeur, ondernemingsnummer 0477.123.402, belt vanaf 0477 12 34 02.",
            "company:0477123402", "phone:+32477123402"),

        // Network F: a fake job site and a Dutch account.
        new("F1", "fr", "Offre trouvée sur www.Jobs-Belgium.com/offres/?utm=fb : logement « gratuit », 12h par jour.",
            "url:jobs-belgium.com/offres"),
        new("F2", "nl", "Via https://jobs-belgium.com/offres kwam ze hier. Huur wordt ingehouden op NL91 ABNA 0417 1643 00.",
            "url:jobs-belgium.com/offres", "iban:NL91ABNA0417164300"),
        new("F3", "en", "Rent (650 EUR) goes to nl91abna0417164300 and the boss keeps their passports.",
            "iban:NL91ABNA0417164300"),

        // Network G: a TikTok profile and a Belgian plate written the old way.
        new("G1", "fr", "Le recruteur publie sur https://www.tiktok.com/@Rico.Jobs/ et conduit une voiture grise KLM-482.",
            "handle:tiktok:rico.jobs", "plate:KLM482"),
        new("G2", "nl", "Rico.jobs (tiktok) haalt de jongens op met de auto KLM-482 aan het station.",
            "handle:tiktok:rico.jobs", "plate:KLM482"),
        new("G3", "de", "Tiktok @rico.jobs verspricht Arbeit in Antwerpen; Treffpunkt 14:45 am Bahnhof.",
            "handle:tiktok:rico.jobs"),

        // Network H: a Bulgarian mobile and a Bulgarian account.
        new("H1", "bg", "Обадете се на +359 88 123 4567. Парите отиват в BG80 BNBG 9661 1020 3456 78.",
            "phone:+359881234567", "iban:BG80BNBG96611020345678"),
        new("H2", "en", "Her 'manager' uses 00359 88 123 4567 and the account BG80BNBG96611020345678.",
            "phone:+359881234567", "iban:BG80BNBG96611020345678"),

        // Near misses: one digit away from a network's detail; they must not link.
        new("N1", "fr", "Un autre patron répond au 0470 12 34 57, sans lien connu.",
            "phone:+32470123457"),
        new("N2", "nl", "Rekening BE71 0961 2345 6768 (één cijfer anders, dus ongeldig).",
            []),
        new("N3", "de", "Firma BE 0123.456.748 (Prüfziffer falsch).",
            []),
        new("N4", "en", "A second van, plate 1-ABC-124, was seen in the same street.",
            "plate:1ABC124"),
        new("N5", "en", "Another recruiter: t.me/ana_new26.",
            "handle:telegram:ana_new26"),
        new("N6", "ro", "Un alt număr: 0040 721 234 568.",
            "phone:+40721234568"),

        // Service and emergency numbers, the contact point's line and the directory's organisations: never entities.
        new("S1", "fr", "J'ai appelé le 112 puis le 101. On m'a donné le numéro de PAG-ASA, 02 511 64 64, et du point de contact, 078 055 800.",
            []),
        new("S2", "nl", "Child Focus (116 000) en Payoke (03 201 16 90) zijn verwittigd.",
            []),
        new("S3", "de", "Sürya ist unter 04 232 40 30 erreichbar; Notruf 112.",
            []),
        new("S4", "en", "I called 112 and later the Guardianship Service on 078 15 43 24.",
            []),
        new("S5", "ar", "اتصلت بالرقم 112 ثم بالشرطة 101.",
            []),

        // Dates, times, amounts, postcodes, references: numbers that are no phone.
        new("T1", "fr", "Depuis le 03/11/2025, 14h30-23h00, pour 1.250,00 € par mois, au 1000 Bruxelles, dossier 2025/445566.",
            []),
        new("T2", "nl", "Sinds 12-10-2025 werken ze van 06:00 tot 22:00 voor 2.000 euro, postcode 2000 Antwerpen.",
            []),
        new("T3", "de", "Seit dem 1.9.2025 arbeiten sie 70 Stunden pro Woche für 800 EUR; Aktenzeichen 12/3456/25.",
            []),
        new("T4", "en", "From 2025-08-14, 10 people, each paying 1,500 dollars; reference LT-4F7K-9QXM.",
            []),
        new("T5", "ro", "Din 15.07.2025 lucrează 14 ore pe zi pentru 2 000 lei, în 9000 Gent.",
            []),
        new("T6", "bg", "От 01.06.2025 г. работят по 12 часа за 1 200 лв., адрес 4000 Лиеж.",
            []),
        new("T7", "uk", "З 20.05.2025 працюють з 7:00 до 21:00 за 5 000 грн.",
            []),
        new("T8", "ar", "منذ 10/04/2025 يعملون 12 ساعة مقابل 300 يورو في 1030 بروكسل.",
            []),

        // Plain accounts with no detail.
        new("P1", "en", "A neighbour sees young women taken in and out of the house at night. I do not know any names.", []),
        new("P2", "uk", "Я бачив дітей, які жебракують біля вокзалу щодня. Дорослий забирає гроші.", []),
        new("P3", "ar", "يعمل الرجال في المزرعة بدون أجر ولا يسمح لهم بالخروج.", []),
        new("P4", "bg", "Жените живеят в склада и не говорят с никого.", []),
    ];
}
