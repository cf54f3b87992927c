namespace Analytics.Ingest.Reading;

/// <summary>Characters the readers put into text to mark a problem the cell check reports with its place.</summary>
public static class TextMarks
{
    /// <summary>
    /// Put before each run of non-ASCII characters of a line that is UTF-8 inside a file decoded as
    /// GB18030 (a file mixing encodings). A Unicode noncharacter: never part of real text.
    /// </summary>
    public const char MixedEncoding = '\uFDD0';

    /// <summary>What a decoder puts for bytes that are not valid in the file's encoding.</summary>
    public const char Replacement = '\uFFFD';
}
