namespace NewsDigest.Stories;

/// <summary>
/// Small built-in lists that let capitalized-phrase extraction tell places and organisations apart and fold
/// common aliases ("U.S.", "US", "United States"; "ROK", "S. Korea") into one name.
/// </summary>
internal static class Gazetteer
{
    private static readonly Dictionary<string, string> PlaceAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "United States", ["U.S."] = "United States", ["U.S"] = "United States", ["USA"] = "United States",
        ["U.S.A."] = "United States", ["America"] = "United States", ["United States of America"] = "United States",
        ["UK"] = "United Kingdom", ["U.K."] = "United Kingdom", ["U.K"] = "United Kingdom", ["Britain"] = "United Kingdom",
        ["Great Britain"] = "United Kingdom", ["ROK"] = "South Korea", ["S. Korea"] = "South Korea", ["S Korea"] = "South Korea", ["N Korea"] = "North Korea",
        ["Republic of Korea"] = "South Korea", ["Korea"] = "South Korea", ["DPRK"] = "North Korea", ["N. Korea"] = "North Korea",
        ["NK"] = "North Korea", ["PRC"] = "China", ["UAE"] = "United Arab Emirates", ["EU"] = "European Union",
    };

    private static readonly Dictionary<string, string> Demonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["South Korean"] = "South Korea", ["North Korean"] = "North Korea", ["Korean"] = "South Korea", ["American"] = "United States",
        ["British"] = "United Kingdom", ["Australian"] = "Australia", ["Russian"] = "Russia", ["Chinese"] = "China",
        ["Japanese"] = "Japan", ["Ukrainian"] = "Ukraine", ["French"] = "France", ["German"] = "Germany", ["Indian"] = "India",
        ["Canadian"] = "Canada", ["Israeli"] = "Israel", ["Iranian"] = "Iran", ["Taiwanese"] = "Taiwan", ["Turkish"] = "Turkey",
        ["Italian"] = "Italy", ["Spanish"] = "Spain", ["Polish"] = "Poland", ["Brazilian"] = "Brazil", ["Mexican"] = "Mexico",
        ["Palestinian"] = "Palestine", ["Syrian"] = "Syria", ["Saudi"] = "Saudi Arabia", ["Egyptian"] = "Egypt",
        ["Pakistani"] = "Pakistan", ["Filipino"] = "Philippines", ["Vietnamese"] = "Vietnam", ["Indonesian"] = "Indonesia",
        ["European"] = "Europe", ["Dutch"] = "Netherlands", ["Swedish"] = "Sweden", ["Finnish"] = "Finland",
    };

    private static readonly HashSet<string> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bangladesh",
        "Belarus", "Belgium", "Bolivia", "Brazil", "Bulgaria", "Cambodia", "Cameroon", "Canada", "Chile", "China", "Colombia",
        "Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia", "Denmark", "Ecuador", "Egypt", "Estonia", "Ethiopia", "Europe",
        "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq",
        "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kuwait", "Laos", "Latvia", "Lebanon", "Libya",
        "Lithuania", "Malaysia", "Mexico", "Moldova", "Mongolia", "Morocco", "Myanmar", "Nepal", "Netherlands", "New Zealand",
        "Nigeria", "North Korea", "Norway", "Pakistan", "Palestine", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
        "Romania", "Russia", "Saudi Arabia", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia", "South Africa",
        "South Korea", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Thailand", "Turkey",
        "Turkiye", "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Uzbekistan", "Venezuela", "Vietnam",
        "Yemen", "Gaza", "Crimea", "Asia", "Africa", "Indo-Pacific", "Middle East", "Pacific", "Arctic", "Antarctica",
        "Korean Peninsula", "Taiwan Strait", "South China Sea", "East China Sea", "Seoul", "Pyongyang", "Busan", "Tokyo",
        "Beijing", "Shanghai", "Hong Kong", "Moscow", "Kyiv", "Kiev", "Washington", "New York", "London", "Paris", "Berlin",
        "Brussels", "Canberra", "Sydney", "Melbourne", "Wellington", "Ottawa", "Delhi", "New Delhi", "Mumbai", "Jakarta",
        "Manila", "Hanoi", "Bangkok", "Taipei", "Geneva", "Vienna", "Rome", "Madrid", "Warsaw", "Ankara", "Istanbul",
        "Tehran", "Jerusalem", "Tel Aviv", "Cairo", "Riyadh", "Dubai", "Doha", "San Diego", "Los Angeles", "San Francisco",
        "Chicago", "Hawaii", "Guam", "Okinawa", "Donbas", "Kharkiv", "Odesa", "Kursk", "Vladivostok", "Singapore",
        "Scotland", "England", "Wales", "Northern Ireland", "Bavaria", "California", "Texas", "Florida",
    };

    private static readonly HashSet<string> Organisations = new(StringComparer.OrdinalIgnoreCase)
    {
        "AUKUS", "NATO", "United Nations", "UN", "European Union", "Quad", "ASEAN", "G7", "G20", "BRICS", "IMF", "World Bank",
        "WTO", "WHO", "OPEC", "IAEA", "Pentagon", "White House", "Kremlin", "Congress", "Senate", "Parliament", "Blue House",
        "National Assembly", "Democratic Party", "Republican Party", "People Power Party", "Labour Party", "Conservative Party",
        "Yonhap", "Reuters", "AP", "AFP", "Bloomberg", "BBC", "CNN", "Samsung", "Hyundai", "Hanwha", "LG", "SK", "Apple",
        "Google", "Microsoft", "Amazon", "Meta", "Tesla", "Nvidia", "Boeing", "Lockheed Martin", "Austral", "Korea Times",
        "KoreaPro", "Korea Risk Group", "Supreme Court", "Federal Reserve", "European Commission", "Security Council",
    };

    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Agency", "Administration", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank", "Board", "Bureau",
        "Cabinet", "Center", "Centre", "Coalition", "Command", "Commission", "Committee", "Company", "Corp", "Corporation",
        "Council", "Court", "Department", "Forces", "Forum", "Foundation", "Fund", "Group", "Inc", "Institute", "Ltd",
        "Ministry", "Navy", "Office", "Organisation", "Organization", "Party", "Police", "Service", "Society", "Times",
        "Union", "University", "Post", "Journal", "Herald", "Tribune", "Network", "Industries", "Holdings", "Systems",
        "Church", "Cathedral", "Mosque", "Temple", "Synagogue", "Hospital", "School", "College", "Academy", "Club",
        "League", "Team", "Studios", "Records", "Airlines", "Airways", "Motors", "Electronics", "News", "Press", "Daily",
        "Magazine", "Channel", "Radio", "Television", "Prison", "Jail", "Ministries", "Federation",
    };

    /// <summary>Legal-form words a company name may end with ("Hanwha Co", "Samsung Electronics Ltd").</summary>
    private static readonly HashSet<string> CompanySuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Co", "Co.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "AG", "SA", "GmbH", "NV", "Limited",
        "Holdings", "Group",
    };

    /// <summary>
    /// Capitalised abbreviations and words that name a thing, a role or a measure, not an organisation
    /// ("AI", "CEO", "GDP"): never listed as names.
    /// </summary>
    private static readonly HashSet<string> CommonAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "AI", "AGI", "CEO", "CFO", "COO", "CTO", "CIO", "GDP", "GNP", "CPI", "PPI", "IPO", "IT", "ICT", "TV", "PC", "PR",
        "HR", "ID", "DNA", "RNA", "COVID", "COVID-19", "PM", "AM", "OK", "EV", "EVs", "VR", "AR", "IoT", "API", "SMS",
        "GPS", "LNG", "LPG", "FDI", "ETF", "ETFs", "R&D", "FY", "YoY", "QoQ", "CO2", "ICBM", "ICBMs", "SLBM", "IFV", "IFVs",
        "MOU", "MoU", "NGO", "NGOs", "ESG", "AIDS", "HIV", "IQ", "MP", "MPs", "VIP", "VIPs", "DIY", "FAQ", "PhD", "MBA",
        "UAV", "UAVs", "ASAP", "BC", "AD", "CCTV", "SUV", "SUVs", "USB", "URL", "PDF", "UTC", "GMT", "EST", "PST", "KST",
        "Q1", "Q2", "Q3", "Q4", "H1", "H2", "WIP", "ROI", "KPI", "B2B", "B2C", "SaaS", "5G", "4G", "LED", "LCD", "GPU",
        "CPU", "RAM", "SSD", "OS", "UI", "UX", "ATM", "VAT", "GST", "TBA", "TBD", "NB", "PS", "FYI", "ETA", "POW", "POWs",
        "WMD", "WMDs", "IED", "IEDs", "ER", "ICU", "IVF", "ADHD", "PTSD", "LGBT", "LGBTQ", "CV", "MVP", "TBC",
        "VP", "SVP", "EVP", "DA", "DJ", "RB", "QB", "WR", "TE", "LB", "DUI", "DWI",
    };

    /// <summary>Words that end a title before a name ("Defense Minister Shin", "President Biden").</summary>
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Minister", "Secretary", "Chancellor", "Senator", "Governor", "Ambassador", "Chairman", "Chairwoman",
        "Chair", "Director", "Professor", "General", "Admiral", "Leader", "King", "Queen", "Prince", "Princess", "Mayor",
        "Spokesperson", "Spokesman", "Spokeswoman", "CEO", "Premier", "Pope", "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.",
        "Dr.", "Rep.", "Sen.", "Gen.", "Lt.", "Col.", "Envoy", "Commissioner", "Representative", "Judge", "Justice",
        "Gov", "Gov.", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Sgt.", "Capt", "Capt.", "Chief", "Coach", "Sheriff",
        "Officer", "Detective", "Inspector", "Superintendent", "Actress", "Actor", "Singer", "Rapper", "Star",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleWordLookup = TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitleWord(string token) => TitleWords.Contains(token);

    public static bool IsTitleWord(ReadOnlySpan<char> token) => TitleWordLookup.Contains(token);

    public static bool IsOrganisationWord(string token) => OrganisationWords.Contains(token);

    public static bool IsCompanySuffix(string token) => CompanySuffixes.Contains(token);

    /// <summary>A common abbreviation or word ("AI", "CEO", "GDP") that is never an organisation's name.</summary>
    public static bool IsCommonAbbreviation(string name) => CommonAbbreviations.Contains(name);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PlaceAliasLookup =
        PlaceAliases.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DemonymLookup =
        Demonyms.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceLookup = Places.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The canonical place a name or demonym stands for, or null.</summary>
    public static string? Place(string name) => Place(name.AsSpan());

    /// <summary>The canonical place a name or demonym stands for, or null, looked up without a string.</summary>
    public static string? Place(ReadOnlySpan<char> name)
    {
        if (PlaceAliasLookup.TryGetValue(name, out var alias))
        {
            return alias;
        }

        if (DemonymLookup.TryGetValue(name, out var country))
        {
            return country;
        }

        return PlaceLookup.TryGetValue(name, out var place) ? place : null;
    }

    public static string? Organisation(string name) =>
        Organisations.TryGetValue(name, out var organisation) ? organisation : null;
}
