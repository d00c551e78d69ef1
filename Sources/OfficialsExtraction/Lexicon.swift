import DispatchModel

/// Word tables used by the extractor. Every key is folded and lowercased
/// (`TextFolding.key`), so `Hanoï`, `Hanoi` and `HANOI` look up the same entry.
enum Lexicon {
    /// Nouns that head a role (`le vice-ministre …`). `vice-`, `sous-`, `co-` prefixes are
    /// stripped before lookup. `premier` heads a role only before `ministre`.
    static let roleHeads: Set<String> = [
        "ambassadeur", "ambassadrice", "ministre", "president", "presidente", "chef",
        "secretaire", "directeur", "directrice", "membre", "consul", "consule",
        "gouverneur", "maire", "depute", "deputee", "senateur", "senatrice", "commandant",
        "colonel", "charge", "chargee", "delegue", "deleguee", "representant",
        "representante", "porte-parole", "conseiller", "conseillere", "dirigeant",
        "dirigeante", "roi", "reine", "prince", "princesse", "procureur", "juge", "envoye",
        "envoyee", "emissaire", "haut-commissaire", "commissaire", "administrateur",
        "administratrice", "coordinateur", "coordinatrice", "coordonnateur", "rapporteur",
        "inspecteur", "chancelier", "chanceliere", "premier-ministre", "secretaire-general",
        "president-directeur", "sultan", "empereur", "imperatrice", "general", "generale",
        "lieutenant-general", "amiral", "recteur", "rectrice", "presidium", "titulaire",
        "ministre-president", "vice-roi", "homologue",
    ]

    /// Every head with its prefixes (`vice-ministre`, `sous-secrétaire`, `vicepresident`):
    /// 1 = a head by itself, 2 = a head before `ministre` only (`premier`, `vice-premier`).
    static let headKeys: [String: UInt8] = {
        var d: [String: UInt8] = [:]
        let prefixes = ["", "vice-", "sous-", "co-", "ex-", "vice"]
        for p in prefixes {
            for h in roleHeads { d[p + h] = 1 }
            for h in ["premier", "premiere"] { d[p + h] = 2 }
        }
        d["premier-ministre"] = 1
        return d
    }()

    /// First two bytes of every head key: a cheap filter before hashing.
    static let headStarts: [Bool] = {
        var t = [Bool](repeating: false, count: 65536)
        for k in headKeys.keys {
            let u = Array(k.utf8)
            t[Int(u[0]) << 8 | Int(u[1])] = true
        }
        return t
    }()

    // The tables every word of every dispatch is looked up in, keyed by bytes: hashing a
    // `String` (SipHash) for each was a tenth of the extractor's time.
    static let headTable = WordTable(headKeys)
    static let nonNameTable = WordTable(Dictionary(uniqueKeysWithValues: nonName.map { ($0, true) }))
    static let gluedTable = WordTable(glued)

    /// Head kind of a folded key (0: not a head).
    @inline(__always) static func headKind(_ u: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard u.count >= 3, headStarts[Int(u[0]) << 8 | Int(u[1])] else { return 0 }
        return headTable.value(for: u) ?? 0
    }

    /// Words that may precede a head inside the role (`l'ancien ministre`, `le nouvel …`).
    static let roleModifiers: Set<String> = [
        "ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "haut", "haute", "premier",
        "premiere", "futur", "future", "actuel", "actuelle", "defunt", "defunte", "feu",
    ]

    /// Role words that are capitalised by usage, so keep their capital at a sentence start.
    static let inherentlyCapitalised: Set<String> = ["premier", "premiere"]

    /// Articles and prepositions between `et` and a following role head (list shapes).
    static let listGlue: Set<String> = [
        "le", "la", "les", "l", "de", "du", "des", "d", "au", "aux", "a", "'", "avec", "et",
    ]

    /// Prepositions after which a capitalised run usually starts with a place or body.
    static let placePrepositions: Set<String> = ["a", "au", "aux", "en", "de", "du", "des", "d"]

    /// Lowercase words that end a role: verbs, pronouns, conjunctions and prepositions that
    /// never sit inside a role title.
    static let roleStops: Set<String> = [
        "a", "ont", "avait", "avaient", "est", "sont", "etait", "etaient", "sera", "seront",
        "serait", "seraient", "va", "vont", "vient", "viennent", "doit", "doivent", "peut",
        "peuvent", "fait", "font", "qui", "que", "qu", "dont", "lors", "avec", "selon", "pour",
        "dans", "sur", "il", "elle", "ils", "elles", "ce", "cette", "ces", "cet", "se", "s",
        "sa", "son", "ses", "leur", "leurs", "ne", "n", "y", "lui", "ainsi", "afin", "apres",
        "avant", "pendant", "durant", "depuis", "hier", "aujourd", "jusqu", "mais", "ou",
        "comme", "car", "donc", "par", "un", "une", "a-t-il", "a-t-elle", "ont-ils", "lorsque",
        "tandis", "alors", "puis", "notamment", "egalement", "aussi", "tres", "plus", "moins",
        "deja", "toujours", "jamais", "pas", "vers", "chez", "entre", "sans", "contre",
        "parmi", "devant", "derriere", "ici", "la-bas", "rencontre", "recu", "affirme",
        "declare", "souligne", "estime", "indique", "rappele", "propose", "salue", "presente",
        "participe", "assiste", "preside", "conduit", "conduite", "dirige", "dirigee",
        "accompagne", "accompagnee", "signe", "visite", "informe", "remercie", "felicite",
        "exprime", "note", "precise", "ajoute", "annonce", "explique", "demande", "suggere",
    ]

    /// Capitalised words that are never part of a person's name: sentence openers, French
    /// function words, institutions, countries, months, agencies, titles.
    static let nonName: Set<String> = {
        var s: Set<String> = [
            // openers and function words (not `le`: `Le` is a Vietnamese family name)
            "selon", "pour", "par", "lors", "apres", "avant", "dans", "durant", "pendant",
            "enfin", "ainsi", "cependant", "toutefois", "intervenant", "intervenante",
            "concernant", "quant", "en", "au", "aux", "la", "les", "l", "un", "une", "des", "du",
            "de", "il", "elle", "ils", "elles", "ce", "cette", "ces", "cet", "sa", "ses", "leur",
            "leurs", "sur", "sous", "vers", "avec", "sans", "chez", "entre", "depuis", "malgre",
            "outre", "grace", "face", "et", "ou", "mais", "donc", "or", "ni", "car", "si",
            "lorsque", "alors", "puis", "comme", "parmi", "outre", "afin", "d'apres", "voici",
            "voila", "auparavant", "ensuite", "desormais", "notamment", "egalement", "aussi",
            "monsieur", "madame", "mademoiselle", "m", "mme", "mlle", "mr", "dr", "pr",
            "nous", "vous", "on", "je", "tu", "qui", "que", "quoi", "dont", "tous", "toutes",
            "tout", "toute", "chaque", "plusieurs", "certains", "certaines", "autres",
            "hier", "aujourd", "demain", "actuellement", "recemment", "lundi", "mardi",
            "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "photo", "photos", "source",
            "video", "voir", "lire", "redaction", "back", "top",
            // agencies and media
            "vna", "avi", "cvn", "afp", "xinhua", "reuters", "ap", "kpl", "akp", "kyodo",
            "tass", "ria", "bernama", "antara", "yonhap", "vov", "vtv", "ndel", "vnexpress",
            // months (`mai` is left out: `Mai` is a Vietnamese family and given name)
            "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre",
            "octobre", "novembre", "decembre",
            // institutions and role vocabulary
            "comite", "commission", "departement", "parti", "assemblee", "ministere",
            "gouvernement", "bureau", "conseil", "senat", "agence", "ambassade", "consulat",
            "union", "association", "federation", "front", "armee", "police", "tribunal",
            "cour", "banque", "universite", "institut", "academie", "groupe", "societe",
            "entreprise", "corporation", "region", "province", "ville", "district", "commune",
            "affaires", "industrie", "commerce", "sante", "education", "defense", "finances",
            "finance", "culture", "information", "informations", "communication", "sports",
            "sport", "tourisme", "justice", "interieur", "exterieur", "exterieures",
            "exterieurs", "securite", "travail", "transports", "transport", "construction",
            "agriculture", "environnement", "sciences", "science", "technologie",
            "technologies", "planification", "investissement", "plan", "relations",
            "liaison", "central", "centrale", "communiste", "populaire", "populaires",
            "nationale", "national", "politique", "publique", "public", "democratique",
            "republique", "socialiste", "revolutionnaire", "autonome", "etat", "etats",
            "congres", "mandat", "session", "sommet", "forum", "conference", "organisation",
            "nations", "unies", "onu", "asean", "apec", "ue", "otan", "omc", "fmi", "unesco",
            "secretariat", "presidence", "cabinet", "direction", "office", "inspection",
            "propagande", "education", "mobilisation", "masses", "jeunesse", "femmes",
            "syndicat", "syndicats", "confederation", "chambre", "fonds", "programme",
            "projet", "zone", "port", "aeroport", "pont", "rue", "avenue", "boulevard",
            "place", "quartier", "parc", "palais", "maison", "musee", "temple", "pagode",
            "lac", "fleuve", "riviere", "mer", "ile", "iles", "mont", "montagne", "delta",
            "nord", "sud", "est", "ouest", "centre", "orient", "occident", "asie", "europe",
            "afrique", "amerique", "oceanie", "pacifique", "atlantique", "indien", "mekong",
            "amitie", "cooperation", "developpement", "economie", "commerciale", "economique",
            "strategique", "global", "globale", "integral", "integrale", "partenariat",
            "communaute", "avenir", "dieu", "noel", "tet", "covid-19", "covid",
            // country and nationality words
            "vietnam", "chine", "laos", "lao", "cambodge", "thailande", "japon",
            "coree", "france", "russie", "inde", "etats-unis", "allemagne", "italie",
            "espagne", "royaume-uni", "angleterre", "canada", "australie", "singapour",
            "malaisie", "indonesie", "philippines", "myanmar", "birmanie", "brunei",
            "timor-leste", "mongolie", "cuba", "venezuela", "bresil", "argentine", "mexique",
            "chili", "perou", "egypte", "algerie", "maroc", "tunisie", "nigeria", "afrique",
            "turquie", "iran", "irak", "israel", "palestine", "arabie", "qatar", "emirats",
            "koweit", "pakistan", "bangladesh", "sri", "nepal", "kazakhstan", "ouzbekistan",
            "ukraine", "pologne", "hongrie", "tchequie", "slovaquie", "roumanie", "bulgarie",
            "serbie", "grece", "portugal", "belgique", "pays-bas", "suisse", "autriche",
            "suede", "norvege", "danemark", "finlande", "irlande", "nouvelle-zelande",
            "bielorussie", "mozambique", "angola", "senegal", "cote", "ivoire",
            "vietnamien", "vietnamienne", "vietnamiens", "chinois", "chinoise", "laotien",
            "laotienne", "cambodgien", "cambodgienne", "khmer", "thailandais", "japonais",
            "japonaise", "coreen", "coreenne", "francais", "francaise", "russe", "indien",
            "indienne", "americain", "americaine", "allemand", "allemande", "britannique",
            "australien", "australienne", "singapourien", "malaisien", "indonesien",
            "philippin", "cubain", "cubaine", "europeen", "europeenne",
        ]
        s.formUnion(roleHeads)
        s.formUnion(places)
        return s
    }()

    /// Single-word places (cities, regions), folded.
    static let places: Set<String> = [
        "hanoi", "pekin", "beijing", "shanghai", "nanning", "kunming", "guangxi", "guangdong",
        "yunnan", "guangzhou", "shenzhen", "chongqing", "tianjin", "wuhan", "hainan",
        "vientiane", "paris", "lyon", "marseille", "bordeaux", "toulouse", "strasbourg",
        "haiphong", "danang", "saigon", "tokyo", "osaka", "seoul", "bangkok", "moscou",
        "washington", "londres", "berlin", "rome", "madrid", "bruxelles", "geneve", "vienne",
        "jakarta", "manille", "yangon", "naypyidaw", "canberra", "sydney", "ottawa",
        "havane", "delhi", "mumbai", "dubai", "doha", "ankara", "prague", "varsovie",
        "budapest", "minsk", "kiev", "kyiv", "astana", "oulan-bator", "pyongyang", "taipei",
        "macao", "lhassa", "xinjiang", "tibet", "sichuan", "fujian", "zhejiang", "jiangsu",
        "shandong", "hubei", "hunan", "henan", "hebei", "shaanxi", "shanxi", "jiangxi",
        "anhui", "guizhou", "gansu", "qinghai", "liaoning", "jilin", "heilongjiang",
        "hoian", "haiduong", "dalat", "sapa", "champassak", "savannakhet",
        "xieng", "battambang", "kampot", "sihanoukville",
    ]

    /// Multi-word places, folded, words joined by one space.
    static let placePhrases: Set<String> = [
        "ho chi minh-ville", "ho chi minh ville", "da nang", "hai phong", "can tho",
        "ha long", "nha trang", "da lat", "vung tau", "phu quoc", "noi bai",
        "tan son nhat", "luang prabang", "phnom penh", "siem reap", "kuala lumpur",
        "new york", "new delhi", "hong kong", "viet nam", "quang ninh", "bac ninh",
        "lao cai", "ha giang", "thanh hoa", "nghe an", "ha tinh", "quang binh", "quang tri",
        "thua thien-hue", "quang nam", "quang ngai", "binh dinh", "phu yen", "khanh hoa",
        "ninh thuan", "binh thuan", "kon tum", "gia lai", "dak lak", "dak nong", "lam dong",
        "binh phuoc", "tay ninh", "binh duong", "dong nai", "ba ria-vung tau", "long an",
        "tien giang", "ben tre", "tra vinh", "vinh long", "dong thap", "an giang",
        "kien giang", "hau giang", "soc trang", "bac lieu", "ca mau", "hai duong",
        "hung yen", "thai binh", "ha nam", "nam dinh", "ninh binh", "vinh phuc",
        "bac giang", "phu tho", "thai nguyen", "lang son", "cao bang", "bac kan",
        "tuyen quang", "yen bai", "son la", "lai chau", "dien bien", "hoa binh",
        "dien bien phu", "xieng khouang", "buenos aires", "rio de janeiro", "los angeles",
        "san francisco", "sri lanka", "coree du sud", "coree du nord", "afrique du sud",
        "arabie saoudite", "cote d'ivoire", "etats unis", "royaume uni", "nouvelle zelande",
        "timor leste", "ho guom", "hoan kiem", "ba dinh", "trang tien",
    ]

    /// Longest multi-word place phrase, in words.
    static let maxPlaceWords = 3

    /// Common Vietnamese and Chinese family names, folded: a name usually starts here.
    static let familyNames: Set<String> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui",
        "do", "ho", "ngo", "duong", "ly", "trinh", "dinh", "truong", "lam", "mai", "cao",
        "ta", "ha", "luong", "thai", "quach", "chu", "kieu", "lai", "doan", "vuong", "tong",
        "to", "nong", "hua", "luu", "nghiem", "giang", "trieu", "khuat", "lu", "tang",
        "wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu",
        "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "song", "luo", "zheng", "liang",
        "xie", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong",
        "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding",
        "ren", "shen", "yao", "qian", "fu", "fan", "xi", "kong", "bai", "meng", "qin",
    ]

    /// Honorifics dropped from names (`M.` needs its full stop).
    static let honorifics: Set<String> = ["m", "mme", "mlle", "mr", "mrs", "dr", "me", "pr"]
    /// The same by bytes (a token's key is checked once per dispatch it occurs in).
    static let honorificTable = WordTable(Dictionary(uniqueKeysWithValues: honorifics.map { ($0, true) }))

    /// Name particles that stay lowercase inside a name.
    static let nameParticles: Set<String> = ["van", "von", "der", "den", "bin", "binti", "al", "el", "da", "dos"]

    /// Acronyms that name no organisation by themselves (`CC` = some Comité central).
    static let genericAcronyms: Set<String> = ["CC", "BP", "UBND", "TW"]

    /// Glued role words (`Premierministre`) and how to split them.
    static let gluedPrefixes: [String] = [
        "vice-premier", "premier", "vice", "secretaire", "ministre", "president", "presidente",
        "ambassadeur", "chef", "directeur", "directrice", "membre", "consul", "consule",
    ]
    static let gluedSecond: Set<String> = [
        "ministre", "ministres", "general", "generale", "adjoint", "adjointe", "president",
        "presidente", "du", "de", "des", "la", "le",
    ]

    /// Glued forms (`premierministre`) -> length in scalars of the first word.
    static let glued: [String: Int] = {
        var d: [String: Int] = [:]
        for p in gluedPrefixes { for q in gluedSecond { d[p + q] = p.unicodeScalars.count } }
        return d
    }()

    /// Country of a nationality adjective or country name found in a role, by folded key.
    static let countryWords: [String: String] = [
        "vietnamien": "Vietnam", "vietnamienne": "Vietnam", "vietnam": "Vietnam",
        "chinois": "Chine", "chinoise": "Chine", "chine": "Chine",
        "lao": "Laos", "laotien": "Laos", "laotienne": "Laos", "laos": "Laos",
        "cambodgien": "Cambodge", "cambodgienne": "Cambodge", "cambodge": "Cambodge",
        "khmer": "Cambodge", "thailandais": "Thaïlande", "thailandaise": "Thaïlande",
        "thailande": "Thaïlande", "japonais": "Japon", "japonaise": "Japon", "japon": "Japon",
        "coreen": "Corée", "coreenne": "Corée", "coree": "Corée", "francais": "France",
        "francaise": "France", "france": "France", "russe": "Russie", "russie": "Russie",
        "indien": "Inde", "indienne": "Inde", "inde": "Inde", "americain": "États-Unis",
        "americaine": "États-Unis", "etats-unis": "États-Unis", "allemand": "Allemagne",
        "allemande": "Allemagne", "allemagne": "Allemagne", "britannique": "Royaume-Uni",
        "royaume-uni": "Royaume-Uni", "australien": "Australie", "australienne": "Australie",
        "australie": "Australie", "singapourien": "Singapour", "singapourienne": "Singapour",
        "singapour": "Singapour", "malaisien": "Malaisie", "malaisienne": "Malaisie",
        "malaisie": "Malaisie", "indonesien": "Indonésie", "indonesienne": "Indonésie",
        "indonesie": "Indonésie", "philippin": "Philippines", "philippine": "Philippines",
        "philippines": "Philippines", "cubain": "Cuba", "cubaine": "Cuba", "cuba": "Cuba",
        "birman": "Myanmar", "birmane": "Myanmar", "myanmar": "Myanmar",
        "mongol": "Mongolie", "mongole": "Mongolie", "mongolie": "Mongolie",
        "italien": "Italie", "italienne": "Italie", "italie": "Italie",
        "espagnol": "Espagne", "espagnole": "Espagne", "espagne": "Espagne",
        "canadien": "Canada", "canadienne": "Canada", "canada": "Canada",
        "hanoi": "Vietnam", "ho chi minh-ville": "Vietnam", "da nang": "Vietnam",
        "hai phong": "Vietnam", "can tho": "Vietnam", "guangxi": "Chine", "pekin": "Chine",
        "vientiane": "Laos",
    ]

    /// Country of an organisation acronym.
    static let acronymCountry: [String: String] = [
        "PCV": "Vietnam", "VNA": "Vietnam", "PCC": "Chine", "PPRL": "Laos", "FPV": "Vietnam",
        "PPC": "Cambodge", "APN": "Chine", "AN": "Vietnam",
    ]
}
