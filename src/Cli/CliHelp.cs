using System.Globalization;

namespace Analytics.Cli;

/// <summary>
/// The <c>--help</c> descriptions of commands and options, in the language of the invocation: the command tree is
/// built after <see cref="CliApp"/> has set <see cref="CultureInfo.CurrentUICulture"/> from <c>--lang</c> (zh-Hans,
/// the default, or the invariant culture for English), as the parser's own resources are chosen.
/// </summary>
public static class CliHelp
{
    /// <summary>True when the tree being built speaks English (<c>--lang en</c>).</summary>
    public static bool English
    {
        get
        {
            var ui = CultureInfo.CurrentUICulture;
            return ui.Equals(CultureInfo.InvariantCulture) || ui.TwoLetterISOLanguageName == "en";
        }
    }

    /// <summary>The Chinese or the English description, by the language of the tree being built.</summary>
    public static string Of(string chinese, string english) => English ? english : chinese;
}
