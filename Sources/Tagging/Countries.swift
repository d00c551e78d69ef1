/// Country names and nationality adjectives as written in French dispatches, mapped to the
/// country's French name. Capitalised names match as written; adjectives are lowercase.
enum Countries {
    static let names = [
        "Vietnam", "Chine", "Laos", "Cambodge", "Japon", "France", "Russie", "Inde", "Thaïlande",
        "Singapour", "Malaisie", "Indonésie", "Philippines", "Myanmar", "Australie", "Allemagne",
        "Canada", "Brésil", "Italie", "Espagne", "Cuba", "Mongolie", "Belgique", "Suisse",
        "Pologne", "Hongrie", "Argentine", "Mexique", "Chili", "Égypte", "Algérie", "Maroc",
        "Tunisie", "Sénégal", "Israël", "Iran", "Turquie", "Brunei", "Bangladesh", "Pakistan",
        "Kazakhstan", "Ukraine", "Biélorussie", "Venezuela", "Nicaragua", "Mozambique", "Angola",
    ]
    static let adjectives: [String: String] = [
        "vietnamien": "Vietnam", "vietnamienne": "Vietnam", "vietnamiens": "Vietnam", "vietnamiennes": "Vietnam",
        "chinois": "Chine", "chinoise": "Chine", "chinoises": "Chine",
        "lao": "Laos", "laotien": "Laos", "laotienne": "Laos", "laotiens": "Laos",
        "cambodgien": "Cambodge", "cambodgienne": "Cambodge", "cambodgiens": "Cambodge",
        "japonais": "Japon", "japonaise": "Japon", "japonaises": "Japon",
        "français": "France", "française": "France", "françaises": "France",
        "russe": "Russie", "russes": "Russie",
        "indien": "Inde", "indienne": "Inde", "indiens": "Inde",
        "thaïlandais": "Thaïlande", "thaïlandaise": "Thaïlande",
        "singapourien": "Singapour", "singapourienne": "Singapour",
        "américain": "États-Unis", "américaine": "États-Unis", "américains": "États-Unis",
        "sud-coréen": "Corée du Sud", "sud-coréenne": "Corée du Sud",
        "cubain": "Cuba", "cubaine": "Cuba",
        "australien": "Australie", "australienne": "Australie",
        "allemand": "Allemagne", "allemande": "Allemagne",
        "indonésien": "Indonésie", "indonésienne": "Indonésie",
        "malaisien": "Malaisie", "malaisienne": "Malaisie",
        "philippin": "Philippines", "philippine": "Philippines",
    ]
    static let twoWordNames: [String: String] = [
        "États-Unis": "États-Unis", "Etats-Unis": "États-Unis", "Royaume-Uni": "Royaume-Uni",
        "Nouvelle-Zélande": "Nouvelle-Zélande",
    ]

    static let byWord: [String: String] = {
        var m: [String: String] = [:]
        for n in names { m[n] = n }
        for (k, v) in adjectives { m[k] = v }
        for (k, v) in twoWordNames where !k.contains(" ") { m[k] = v }
        return m
    }()

}
