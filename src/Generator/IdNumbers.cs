namespace Analytics.Generator;

/// <summary>
/// Resident identity numbers of GB 11643-1999: six digits of area code, eight of birth date
/// (yyyyMMdd), three of sequence (odd for men) and a check character. The check character is
/// <c>"10X98765432"[Σ digitᵢ × weightᵢ mod 11]</c> with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
/// Templates.md §3 makes a failing checksum a load error, so every generated number passes it.
/// </summary>
public static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>The check character of the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not 17 ASCII digits.</exception>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Expected 17 digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            if (c is < '0' or > '9') throw new ArgumentException("Expected 17 digits.", nameof(first17));
            sum += (c - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>True for an 18-character number whose check character is right (an <c>x</c> counts as <c>X</c>).</summary>
    public static bool IsValid(string? idNumber)
    {
        if (idNumber is null || idNumber.Length != 18) return false;
        for (var i = 0; i < 17; i++)
            if (idNumber[i] is < '0' or > '9') return false;
        return char.ToUpperInvariant(idNumber[17]) == CheckCharacter(idNumber.AsSpan(0, 17));
    }

    /// <summary>The birth date encoded in a valid number, or null.</summary>
    public static DateOnly? BirthDate(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (!IsValid(idNumber)) return null;
        var y = int.Parse(idNumber.AsSpan(6, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var m = int.Parse(idNumber.AsSpan(10, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var d = int.Parse(idNumber.AsSpan(12, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }
}
