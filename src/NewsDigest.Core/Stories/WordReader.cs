namespace NewsDigest.Stories;

/// <summary>
/// Reads the lower-case word tokens of a text one at a time into a caller's buffer, so that no string is made per
/// token: letters and digits, inner hyphens kept, possessive "'s" dropped, contractions ("don't") kept whole.
/// </summary>
/// <param name="text">The text to read.</param>
/// <param name="buffer">Space for one token: at least as long as <paramref name="text"/>.</param>
internal ref struct WordReader(ReadOnlySpan<char> text, Span<char> buffer)
{
    private readonly ReadOnlySpan<char> _text = text;
    private readonly Span<char> _buffer = buffer;
    private int _position;
    private int _length;

    /// <summary>The current token, lower-case; valid until the next <see cref="MoveNext"/>.</summary>
    public readonly Span<char> Current => _buffer[.._length];

    public bool MoveNext()
    {
        _length = 0;
        var text = _text;
        for (; _position <= text.Length; _position++)
        {
            var i = _position;
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                _buffer[_length++] = char.ToLowerInvariant(c);
                continue;
            }

            switch (Inside(text, c, i, _length))
            {
                case WordMark.Hyphen:
                    _buffer[_length++] = '-';
                    continue;
                case WordMark.Possessive:
                    _position++;
                    continue;
            }

            if (_length > 0)
            {
                _position++;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What <paramref name="c"/> (the character at <paramref name="i"/>, or a space past the end), not a letter or
    /// digit, does to a word of <paramref name="length"/> characters so far: an inner hyphen is kept ("hit-and-run"),
    /// a possessive "'s" is dropped ("Seoul's" is "seoul"), anything else ends the word. Every tokenizer of the
    /// project reads words by this rule.
    /// </summary>
    internal static WordMark Inside(ReadOnlySpan<char> text, char c, int i, int length)
    {
        if ((c != '-' && c != '\'' && c != '\u2019') || length == 0 || i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
        {
            return WordMark.End;
        }

        if (c == '-')
        {
            return WordMark.Hyphen;
        }

        var rest = i + 2 < text.Length && char.IsLetterOrDigit(text[i + 2]);
        return !rest && char.ToLowerInvariant(text[i + 1]) == 's' ? WordMark.Possessive : WordMark.End;
    }
}

/// <summary>What a character that is not a letter or digit does to the word being read.</summary>
internal enum WordMark
{
    End,
    Hyphen,
    Possessive,
}
