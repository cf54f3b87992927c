namespace Analytics.Generator;

/// <summary>
/// The language of a generated file's headers and values: English headers with English codes
/// (<c>residential</c>, <c>Y</c>, <c>sgcc-linfen</c>), or Chinese headers with Chinese labels
/// (<c>居民</c>, <c>是</c>, <c>国网临汾供电公司</c>) — both are accepted by templates.md §1.
/// </summary>
public enum HeaderLanguage { Invalid = 0, English = 1, Chinese = 2 }
