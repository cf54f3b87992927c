using System.Globalization;
using System.Text;

namespace Analytics.Generator.People;

/// <summary>
/// Invents customers that look like Linfen's: common Shanxi surnames, one- or two-character
/// given names, companies named after their county, identity numbers with Linfen (or other
/// Shanxi) area codes, adult birth dates and a valid GB 11643 check character, and mobile
/// numbers (a few Linfen landlines, area code 0357). Everyone has an identity number or a phone
/// (a name alone would make namesakes one customer for the 重走流程 rule).
/// </summary>
internal sealed class PersonFactory
{
    // Frequent surnames, with Shanxi's typical ones (郭 贾 薛 卫 柴 牛 乔 阎 …) weighted up.
    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("王", 90), ("李", 80), ("张", 75), ("刘", 70), ("郭", 40), ("赵", 38), ("杨", 36), ("陈", 30), ("贾", 22), ("薛", 20),
        ("任", 18), ("梁", 17), ("高", 17), ("田", 16), ("武", 16), ("孙", 15), ("吴", 14), ("马", 14), ("韩", 13), ("卫", 12),
        ("柴", 11), ("牛", 11), ("乔", 10), ("阎", 10), ("段", 10), ("曹", 10), ("史", 9), ("白", 9), ("冯", 9), ("宋", 9),
        ("周", 9), ("徐", 8), ("胡", 8), ("朱", 8), ("秦", 8), ("范", 7), ("侯", 7), ("董", 7), ("许", 6), ("吕", 6),
        ("孟", 6), ("尹", 5), ("崔", 5), ("程", 5), ("康", 5), ("霍", 5), ("温", 5), ("姚", 4), ("常", 4), ("闫", 4),
        ("畅", 3), ("景", 3), ("师", 3), ("原", 3), ("亢", 2), ("尉", 2), ("智", 2), ("黄", 4), ("罗", 3), ("邓", 2),
    ];

    private static readonly string[] GivenChars =
    [
        "建", "国", "华", "军", "平", "明", "伟", "芳", "娟", "丽", "红", "霞", "英", "敏", "强", "磊", "勇", "杰", "涛", "鹏",
        "斌", "浩", "宇", "晨", "欣", "婷", "雪", "慧", "琳", "静", "洁", "燕", "玲", "梅", "兰", "秀", "凤", "海", "波", "刚",
        "峰", "辉", "亮", "鑫", "超", "俊", "晓", "文", "志", "永", "春", "冬", "丹", "彦", "瑞", "源", "泽", "晋", "汾", "琦",
        "佳", "怡", "萍", "荣", "庆", "利", "贵", "宝", "林", "森", "翠", "艳", "小", "云", "飞", "龙", "虎", "新", "生", "喜",
    ];

    private static readonly string[] Brands =
    [
        "鑫源", "华晟", "恒达", "宏达", "瑞丰", "晋阳", "汾河", "尧舜", "平阳", "泰和", "金鼎", "兴旺", "隆盛", "永泰", "顺通",
        "天宇", "鼎盛", "晋南", "尧都", "福瑞", "康源", "博远", "诚信", "明德", "万家", "嘉禾", "润泽", "乾元", "聚鑫", "同心",
    ];

    private static readonly string[] Trades =
    [
        "商贸", "餐饮", "农业", "建材", "物流", "机械", "食品", "科技", "养殖", "酒店", "汽修", "超市", "印务", "家具", "医药",
        "果业", "煤焦", "化工", "纺织", "服饰", "文化传媒", "环保", "新能源", "房地产开发", "物业管理",
    ];

    private static readonly (string Suffix, int Weight)[] Suffixes =
    [
        ("有限公司", 55), ("有限责任公司", 15), ("专业合作社", 8), ("店", 10), ("厂", 5), ("经销部", 4), ("（普通合伙）", 1), ("股份有限公司", 2),
    ];

    // GB/T 2260 codes: Linfen's districts and counties, and a few other Shanxi ones for people born elsewhere.
    private static readonly Dictionary<string, string> CountyCodes = new(StringComparer.Ordinal)
    {
        ["yaodu"] = "141002", ["houma"] = "141081", ["huozhou"] = "141082", ["quwo"] = "141021", ["yicheng"] = "141022",
        ["xiangfen"] = "141023", ["hongtong"] = "141024", ["guxian"] = "141025", ["anze"] = "141026", ["fushan"] = "141027",
        ["jixian"] = "141028", ["xiangning"] = "141029", ["daning"] = "141030", ["xixian"] = "141031", ["yonghe"] = "141032",
        ["puxian"] = "141033", ["fenxi"] = "141034",
    };

    private static readonly string[] OtherShanxi = ["140105", "140106", "140107", "140802", "140821", "140402", "140702", "140902", "141102", "142601", "142701"];

    private static readonly string[] MobilePrefixes =
    [
        "134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "184", "187", "188",
        "130", "131", "132", "155", "156", "185", "186", "133", "153", "180", "181", "189", "177", "199", "198", "166",
    ];

    private readonly Random _rng;
    private readonly int _surnameTotal;
    private readonly int _suffixTotal;
    private readonly string[] _linfenCodes;

    public PersonFactory(Random rng)
    {
        _rng = rng;
        _surnameTotal = Surnames.Sum(s => s.Weight);
        _suffixTotal = Suffixes.Sum(s => s.Weight);
        _linfenCodes = [.. CountyCodes.Values];
    }

    /// <summary>A resident applying in <paramref name="county"/> on <paramref name="on"/>.</summary>
    public Person Resident(string county, DateOnly on, double idShare, double phoneShare)
    {
        var male = _rng.NextDouble() < 0.55;
        var name = ChineseName();
        var id = _rng.NextDouble() < idShare ? IdNumber(county, on, 18, 80, male) : null;
        var phone = _rng.NextDouble() < phoneShare || id is null ? Phone() : null;
        return new Person(name, id, phone);
    }

    /// <summary>An enterprise in <paramref name="county"/>; the identity number is its legal representative's.</summary>
    public Person Enterprise(string county, string countyName, DateOnly on, double idShare, double phoneShare)
    {
        var sb = new StringBuilder(24);
        sb.Append(_rng.NextDouble() < 0.3 ? "临汾市" + countyName : countyName);
        sb.Append(Brands[_rng.Next(Brands.Length)]);
        sb.Append(Trades[_rng.Next(Trades.Length)]);
        sb.Append(Pick(Suffixes, _suffixTotal));
        var id = _rng.NextDouble() < idShare ? IdNumber(county, on, 25, 65, _rng.NextDouble() < 0.7) : null;
        var phone = _rng.NextDouble() < phoneShare || id is null ? Phone() : null;
        return new Person(sb.ToString(), id, phone);
    }

    private string ChineseName()
    {
        var surname = Pick(Surnames, _surnameTotal);
        var given = GivenChars[_rng.Next(GivenChars.Length)];
        if (_rng.NextDouble() < 0.72) given += GivenChars[_rng.Next(GivenChars.Length)];
        return surname + given;
    }

    /// <summary>A valid GB 11643 number for someone aged <paramref name="minAge"/>–<paramref name="maxAge"/> on <paramref name="on"/>.</summary>
    public string IdNumber(string county, DateOnly on, int minAge, int maxAge, bool male)
    {
        var u = _rng.NextDouble();
        var area = u < 0.72 && CountyCodes.TryGetValue(county, out var own) ? own
            : u < 0.92 ? _linfenCodes[_rng.Next(_linfenCodes.Length)]
            : OtherShanxi[_rng.Next(OtherShanxi.Length)];
        var latest = on.AddYears(-minAge);
        var earliest = on.AddYears(-maxAge);
        var birth = DateOnly.FromDayNumber(earliest.DayNumber + _rng.Next(latest.DayNumber - earliest.DayNumber + 1));
        var seq = _rng.Next(0, 500) * 2 + (male ? 1 : 0);
        if (seq == 0) seq = 2;
        Span<char> digits = stackalloc char[18];
        area.AsSpan().CopyTo(digits);
        birth.TryFormat(digits[6..], out _, "yyyyMMdd", CultureInfo.InvariantCulture);
        seq.TryFormat(digits[14..], out _, "D3", CultureInfo.InvariantCulture);
        digits[17] = IdNumbers.CheckCharacter(digits[..17]);
        return new string(digits);
    }

    private string Phone()
    {
        if (_rng.NextDouble() < 0.05)
            return "0357-" + _rng.Next(2_000_000, 8_999_999).ToString(CultureInfo.InvariantCulture);
        return MobilePrefixes[_rng.Next(MobilePrefixes.Length)] + _rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
    }

    private string Pick((string Name, int Weight)[] table, int total)
    {
        var x = _rng.Next(total);
        foreach (var (name, w) in table)
        {
            if (x < w) return name;
            x -= w;
        }
        return table[^1].Name;
    }
}
