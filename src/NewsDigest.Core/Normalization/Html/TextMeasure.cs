namespace NewsDigest.Normalization.Html;

/// <summary>
/// What content scoring needs of a text node's decoded text, added up piece by piece: its length once whitespace is
/// collapsed, its commas, and whether it is all whitespace.
/// </summary>
/// <param name="lastWasSpace">Whether the text before ended in whitespace (runs collapse across nodes).</param>
internal struct TextMeasure(bool lastWasSpace) : IDecodedTextSink
{
    public bool LastWasSpace { get; private set; } = lastWasSpace;

    public bool Whitespace { get; private set; } = true;

    public int Length { get; private set; }

    public int Commas { get; private set; }

    public int AsciiCommas { get; private set; }

    public void Add(ReadOnlySpan<char> piece)
    {
        var lastWasSpace = LastWasSpace;
        Length += HtmlText.CollapsedLength(piece, ref lastWasSpace, out var commas, out var asciiCommas);
        LastWasSpace = lastWasSpace;
        Commas += commas;
        AsciiCommas += asciiCommas;
        Whitespace = Whitespace && HtmlText.IsWhitespace(piece);
    }
}
